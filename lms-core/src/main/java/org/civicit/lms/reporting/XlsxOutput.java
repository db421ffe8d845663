package org.civicit.lms.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicit.lms.csv.RowWriter;

/**
 * An Excel workbook written as it goes: POI's streaming workbook keeps only a window of
 * rows in memory and spills the rest to a temporary file, so any number of rows fits.
 */
public final class XlsxOutput implements RowWriter {

    private static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final OutputStream out;
    private int next;

    private XlsxOutput(OutputStream out, String sheetName, String... header) {
        this.out = out;
        this.sheet = workbook.createSheet(sheetName);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        var row = sheet.createRow(next++);
        for (int i = 0; i < header.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(header[i]);
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    public static XlsxOutput open(OutputStream out, String sheetName, String... header) {
        return new XlsxOutput(out, sheetName, header);
    }

    /** Numbers and dates become typed cells; text stays text, so nothing in it runs as a formula. */
    @Override
    public void row(Object... values) {
        var row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            var cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void abandon() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (workbook) {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
