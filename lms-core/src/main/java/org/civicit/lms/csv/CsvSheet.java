package org.civicit.lms.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicit.lms.platform.FileErrors;

/**
 * A CSV file read under the contract's rules: UTF-8 with or without a byte-order mark,
 * RFC 4180, a header naming the columns in any order. Problems are collected, not thrown,
 * so that a clerk sees every one of them at once; {@link #rejectIfErrors()} ends the read.
 */
public final class CsvSheet {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What the decoder puts where bytes are not UTF-8: found per cell, so the clerk learns where. */
    private static final char NOT_UTF8 = '\uFFFD';
    // Blank lines are read (and skipped below) so that line numbers stay the spreadsheet's.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final CsvErrors errors = new CsvErrors();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String> columnNames = new ArrayList<>();
    private final CSVParser parser;
    private final int width;

    private CsvSheet(CSVParser parser, CsvColumns columns) {
        this.parser = parser;
        Iterator<CSVRecord> records = parser.iterator();
        if (!hasNext(records)) {
            errors.add(CsvError.of(1, null, "csv.empty"));
            width = 0;
            return;
        }
        CSVRecord header = records.next();
        width = header.size();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            columnNames.add(name);
            if (name.indexOf(NOT_UTF8) >= 0) {
                errors.add(CsvError.of(1, null, "csv.encoding"));
            } else if (!columns.all().contains(name)) {
                String unknown = FileErrors.echo(header.get(i));
                errors.add(CsvError.of(1, unknown, "csv.column.unknown", unknown, String.join(", ", columns.all())));
            } else if (columnIndex.putIfAbsent(name, i) != null) {
                errors.add(CsvError.of(1, name, "csv.column.duplicate", name));
            }
        }
        for (String required : columns.required()) {
            if (!columnIndex.containsKey(required)) {
                errors.add(CsvError.of(1, required, "csv.column.missing", required));
            }
        }
    }

    /** Opens a sheet; the header is checked at once. The caller closes the stream. */
    public static CsvSheet open(InputStream in, CsvColumns columns) {
        try {
            return new CsvSheet(CSVParser.parse(withoutByteOrderMark(in), FORMAT), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file has the column at all (an optional one may be left out). */
    public boolean hasColumn(String name) {
        return columnIndex.containsKey(name);
    }

    /**
     * Hands each data line to the consumer, unless the header is already wrong. A line with
     * more or fewer cells than the header is an error and is not handed on.
     */
    public void forEachLine(Consumer<CsvLine> consumer) {
        if (!errors.isEmpty()) {
            return;
        }
        Iterator<CSVRecord> records = parser.iterator();
        while (hasNext(records)) {
            CSVRecord record = records.next();
            // The header is record 1, so record numbers are the spreadsheet's line numbers.
            long line = record.getRecordNumber();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (record.size() != width) {
                errors.add(CsvError.of(line, null, "csv.line.width", record.size(), width));
                continue;
            }
            for (int i = 0; i < width; i++) {
                if (record.get(i).indexOf(NOT_UTF8) >= 0) {
                    errors.add(CsvError.of(line, columnNames.get(i), "csv.encoding"));
                }
            }
            consumer.accept(new CsvLine(line, record, columnIndex, errors));
        }
    }

    /** A problem found across lines, after reading them. */
    public void error(long line, String column, String messageKey, Object... arguments) {
        errors.add(CsvError.of(line, column, messageKey, arguments));
    }

    /** The problems found so far (the first thousand). */
    public List<CsvError> errors() {
        return errors.kept();
    }

    /** Rejects the file if anything was wrong, the problems in the order of the lines. */
    public void rejectIfErrors() {
        if (!errors.isEmpty()) {
            List<CsvError> byLine = errors.kept().stream().sorted(Comparator.comparingLong(CsvError::line)).toList();
            throw new CsvRejectedException(byLine, errors.total());
        }
    }

    // Broken quoting surfaces while iterating, and nothing after it can be read.
    private boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.add(CsvError.of(parser.getRecordNumber() + 1, null, "csv.quoting"));
            throw new CsvRejectedException(errors.kept(), errors.total());
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    private static Reader withoutByteOrderMark(InputStream in) throws IOException {
        PushbackReader reader = new PushbackReader(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }
}
