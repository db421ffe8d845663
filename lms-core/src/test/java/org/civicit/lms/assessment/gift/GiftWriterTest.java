package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What GIFT writes, GIFT reads back as the same questions; and the database's form keeps them too. */
class GiftWriterTest {

    static final String EVERY_KIND = """
            $CATEGORY: IU01

            ::Q1:: Đơn vị nhỏ nhất? {=Bit #đúng ~Byte #sai ~Hertz}

            ::Q2:: Chọn các thiết bị vào {~%50%Bàn phím #đúng ~%50%Chuột ~%-100%Màn hình #sai}

            ::Q3:: Chọn? {=%50%A =B ~%-25%C ~D}

            ::Đ-S 1:: Word soạn thảo văn bản. {TRUE#Sai rồi#Đúng}

            ::Đ-S 2:: Excel là trình duyệt. {FALSE}

            ::Đ-S 3:: Có phím Tab. {T##Đúng}

            $POINTS: 2.5

            ::Ngắn:: Viết tắt của bộ xử lý? {=CPU =%50%Bộ xử lý trung tâm #gần đúng}

            ::Số:: 1 KB? {#=1024 #đúng =%50%1000..1100 #gần đúng ~#sai hẳn}

            ::Pi:: Pi? {#3.14:0.01}

            ::Ghép:: Ghép phím tắt {=Ctrl+C -> Sao chép =Ctrl+V -> Dán = -> Cắt}

            ::Tự luận:: Trình bày cách tạo thư mục. {####Nêu đủ ba bước}

            ::Trống:: Thủ đô là {=Hà Nội} của Việt Nam.

            $CATEGORY: IU02

            Phần này hỏi về bảng tính\\: đọc kỹ từng câu.

            ::Ký tự:: Ký tự \\{ \\} \\= \\~ \\# \\: \\\\ và dòng\\nmới? {=có ~không}

            ::Tự luận 2:: Viết một đoạn. {}
            """;

    @Test
    void everyKindReadsBackAsWritten() {
        List<BankQuestion> read = GiftParser.parse(EVERY_KIND);
        BankFile file = GiftWriter.write(read);
        List<BankQuestion> again = GiftParser.parse(new String(file.content(), StandardCharsets.UTF_8));
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(read);
        assertThat(file.leftOut()).isEmpty();
        assertThat(GiftWriter.write(again).content()).as("a second round changes nothing").isEqualTo(file.content());
    }

    @ParameterizedTest
    @ValueSource(strings = {"::T:: [html] [html]Chọn đúng {=a ~b}", "[plain][HTML] là gì? {=a ~b}",
            "::Mô tả:: [moodle][markdown]*đậm*"})
    void textThatBeginsLikeAFormatMarkerStaysText(String gift) {
        List<BankQuestion> read = GiftParser.parse(gift);
        assertThat(read.get(0).text()).startsWith("[");
        List<BankQuestion> again = GiftParser.parse(new String(GiftWriter.write(read).content(), StandardCharsets.UTF_8));
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(read);
    }

    @Test
    void theDatabaseFormKeepsEveryKind() {
        for (BankQuestion question : GiftParser.parse(EVERY_KIND)) {
            BankQuestion kept = QuestionBody.read(QuestionBody.write(question), question.category(), question.type(),
                    question.points());
            assertThat(kept).usingRecursiveComparison().ignoringFields("line").isEqualTo(question);
        }
    }

    @Test
    void picturesAreLeftOutAndSaidToBe() {
        BankQuestion plain = GiftParser.parse("::Thanh công cụ:: Nút nào để in? {=In ~Lưu}").get(0);
        BankQuestion pictured = new BankQuestion(1, plain.category(), plain.title(), plain.text(), plain.type(),
                plain.points(), plain.options(), plain.ranges(), plain.pairs(), plain.feedback(),
                List.of(BankQuestion.Media.of("toolbar.png", "image/png", new byte[] {1, 2, 3})));
        BankFile file = GiftWriter.write(List.of(pictured));
        assertThat(file.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.question()).isEqualTo("Thanh công cụ");
            assertThat(left.what()).contains("picture");
        });
        assertThat(GiftParser.parse(new String(file.content(), StandardCharsets.UTF_8)).get(0).media()).isEmpty();
    }

    @Test
    void aMatchingQuestionGiftCannotHoldIsLeftOutAndSaidToBe() {
        BankQuestion shortcuts = GiftParser.parse("::Ghép:: Ghép phím tắt {=Ctrl+C -> Sao chép =Ctrl+V -> Dán}").get(0);
        BankQuestion arrows = new BankQuestion(1, shortcuts.category(), "Mũi tên", "Ghép ký hiệu", shortcuts.type(),
                shortcuts.points(), List.of(), List.of(), List.of(new BankQuestion.Pair("A->B", "A dẫn tới B"),
                        new BankQuestion.Pair("A<-B", "B dẫn tới A")), null, List.of());
        BankFile file = GiftWriter.write(List.of(arrows, shortcuts));
        assertThat(file.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.question()).isEqualTo("Mũi tên");
            assertThat(left.what()).contains("->");
        });
        assertThat(GiftParser.parse(new String(file.content(), StandardCharsets.UTF_8)))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").containsExactly(shortcuts);
    }
}
