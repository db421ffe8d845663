package org.civicit.lms.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.civicit.lms.platform.FileErrors;

/**
 * One data line of a {@link CsvSheet}. Each reader method returns the value, or
 * {@code null} after noting an error against this line and column, so that a whole file
 * can be checked in one pass.
 */
public final class CsvLine {

    /** Codes are what clerks type into spreadsheets and URLs: keep them plain. */
    public static final int CODE_LENGTH = 40;
    private static final Pattern CODE = Pattern.compile("[\\p{IsAlphabetic}\\p{Digit}._-]+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // Reading a number takes time that grows with the square of its digits: a percentage needs few.
    private static final int PERCENT_LENGTH = 20;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final long line;
    private final CSVRecord record;
    private final Map<String, Integer> columnIndex;
    private final CsvErrors errors;

    CsvLine(long line, CSVRecord record, Map<String, Integer> columnIndex, CsvErrors errors) {
        this.line = line;
        this.record = record;
        this.columnIndex = columnIndex;
        this.errors = errors;
    }

    public long line() {
        return line;
    }

    /** The trimmed cell, or {@code null} when it is blank or the column is not in the file. */
    public String text(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    public String text(String column, int maxLength) {
        String value = text(column);
        if (value != null && value.length() > maxLength) {
            error(column, "csv.value.tooLong", maxLength);
            return null;
        }
        return value;
    }

    public String required(String column, int maxLength) {
        String value = text(column, maxLength);
        if (value == null && !hasErrorAt(column)) {
            error(column, "csv.value.required");
        }
        return value;
    }

    /** A required key such as an agency or employee code. */
    public String code(String column) {
        String value = required(column, CODE_LENGTH);
        if (value != null && !CODE.matcher(value).matches()) {
            error(column, "csv.value.code", FileErrors.echo(value));
            return null;
        }
        return value;
    }

    /** An optional code, such as a parent: {@code null} when blank. */
    public String optionalCode(String column) {
        return text(column) == null ? null : code(column);
    }

    public <E extends Enum<E>> E requiredEnum(String column, Class<E> type) {
        if (text(column) == null) {
            error(column, "csv.value.required");
            return null;
        }
        return optionalEnum(column, type);
    }

    public <E extends Enum<E>> E optionalEnum(String column, Class<E> type) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return EnumText.parse(type, value).orElseGet(() -> {
            error(column, "csv.value.enum", FileErrors.echo(value), EnumText.accepted(type));
            return null;
        });
    }

    /** A date written {@code yyyy-mm-dd} or {@code dd/mm/yyyy}; {@code null} when blank. */
    public LocalDate optionalDate(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : List.of(ISO, DAY_FIRST)) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        error(column, "csv.value.date", FileErrors.echo(value));
        return null;
    }

    public LocalDate requiredDate(String column) {
        if (text(column) == null) {
            error(column, "csv.value.required");
            return null;
        }
        return optionalDate(column);
    }

    /**
     * A percentage from 0 to 100 with at most one decimal, written with a point or, as
     * Vietnamese spreadsheets do, a comma.
     */
    public BigDecimal requiredPercent(String column) {
        String value = text(column);
        if (value == null) {
            error(column, "csv.value.required");
            return null;
        }
        try {
            if (value.length() > PERCENT_LENGTH) {
                throw new NumberFormatException("too long for a percentage");
            }
            BigDecimal percent = new BigDecimal(value.replace(',', '.'));
            if (percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0 && percent.stripTrailingZeros().scale() <= 1) {
                return percent.setScale(1);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        error(column, "csv.value.percent", FileErrors.echo(value));
        return null;
    }

    /** {@code true} or {@code false} in any case; {@code null} when blank. */
    public Boolean optionalBoolean(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                error(column, "csv.value.boolean", FileErrors.echo(value));
                yield null;
            }
        };
    }

    public void error(String column, String messageKey, Object... arguments) {
        errors.add(CsvError.of(line, column, messageKey, arguments));
    }

    private boolean hasErrorAt(String column) {
        return errors.hasAt(line, column);
    }
}
