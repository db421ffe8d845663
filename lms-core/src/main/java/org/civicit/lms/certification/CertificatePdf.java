package org.civicit.lms.certification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import org.civicit.lms.platform.Written;

/**
 * The printable certificate: an A4 landscape page in Vietnamese with the holder, the
 * programme, the number and dates, and a QR code that leads to the public verification
 * page, so that anyone holding the paper can check it.
 */
public final class CertificatePdf {

    // Liberation Serif covers Vietnamese; it ships in a jar, so no system font is needed.
    private static final String REGULAR = "/liberation/LiberationSerif-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSerif-Bold.ttf";
    private static final float QR_SIZE = 110;

    private CertificatePdf() {
    }

    /** What the page says. */
    public record Content(String number, String holder, String agency, String programmeName, LocalDate issuedOn,
                          LocalDate expiresOn, String verificationUrl) {
    }

    public static void write(Content content, OutputStream out) {
        Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 50);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Chứng chỉ " + content.number());
            document.open();
            Font regular = font(REGULAR, 14);
            Font bold = font(BOLD, 14);
            centred(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 0);
            centred(document, "Độc lập - Tự do - Hạnh phúc", font(BOLD, 13), 0);
            centred(document, "CHỨNG CHỈ", font(BOLD, 34), 30);
            centred(document, content.programmeName(), font(BOLD, 18), 8);
            centred(document, "Chứng nhận", regular, 24);
            centred(document, content.holder(), font(BOLD, 24), 6);
            centred(document, content.agency(), regular, 6);
            centred(document, "đã hoàn thành chương trình và đủ điều kiện được cấp chứng chỉ.", regular, 14);
            centred(document, "Số: " + content.number(), bold, 24);
            centred(document, "Ngày cấp: " + Written.day(content.issuedOn())
                    + (content.expiresOn() == null ? "" : "    Có giá trị đến: " + Written.day(content.expiresOn())),
                    regular, 4);
            drawQr(writer.getDirectContent(), content.verificationUrl(), document.right() - QR_SIZE, document.bottom());
            Paragraph hint = new Paragraph("Quét mã để kiểm tra", font(REGULAR, 9));
            hint.setAlignment(Element.ALIGN_RIGHT);
            document.add(hint);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out certificate " + content.number(), e);
        } finally {
            document.close();
        }
    }

    private static void centred(Document document, String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static Font font(String resource, float size) {
        try {
            BaseFont base = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            return new Font(base, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the QR code as vector squares: sharp at any print size. */
    static void drawQr(PdfContentByte canvas, String text, float x, float y) {
        BitMatrix matrix = qr(text);
        float module = QR_SIZE / matrix.getWidth();
        canvas.saveState();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    canvas.rectangle(x + column * module, y + QR_SIZE - (row + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text + " as a QR code", e);
        }
    }
}
