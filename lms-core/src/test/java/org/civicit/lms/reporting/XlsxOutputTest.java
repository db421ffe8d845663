package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxOutputTest {

    /** Excel runs a formula only from a formula cell; text cells are shown as written, whatever they hold. */
    @Test
    void textThatLooksLikeAFormulaIsWrittenAsTextAndNeverRuns() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxOutput xlsx = XlsxOutput.open(out, "Sheet", "name", "note")) {
            xlsx.row("Phạm Văn Sơn;=cmd|' /C calc'!A0", "=SUM(A1:A9)");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Phạm Văn Sơn;=cmd|' /C calc'!A0");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("=SUM(A1:A9)");
        }
    }
}
