package org.civicit.lms.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    private static final String URL = "https://lms.sonlam.gov.vn/verify.xhtml?number=CIO-2026-7KQ2M9XD";

    @Test
    void thePageCarriesTheHolderProgrammeNumberAndDatesWithTheirDiacritics() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificatePdf.write(new CertificatePdf.Content("CIO-2026-7KQ2M9XD", "Đặng Thị Ngọc Ánh",
                "Sở Thông tin và Truyền thông", "Bồi dưỡng lãnh đạo công nghệ thông tin (CIO)",
                LocalDate.of(2026, 3, 5), LocalDate.of(2031, 3, 4), URL), out);

        PdfReader reader = new PdfReader(out.toByteArray());
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("CHỨNG CHỈ", "Đặng Thị Ngọc Ánh", "Sở Thông tin và Truyền thông",
                "Bồi dưỡng lãnh đạo công nghệ thông tin (CIO)", "CIO-2026-7KQ2M9XD", "05/03/2026", "04/03/2031");
    }

    @Test
    void theQrCodeLeadsToTheVerificationPage() throws Exception {
        BitMatrix matrix = CertificatePdf.qr(URL);
        int scale = 4;
        int size = matrix.getWidth() * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        assertThat(new QRCodeReader().decode(image).getText()).isEqualTo(URL);
    }
}
