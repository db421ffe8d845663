package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Moodle XML reads every kind of question the application holds, and writes them back the same. */
class MoodleXmlTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"
            .getBytes(StandardCharsets.UTF_8);

    static final String EVERY_KIND = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <!-- question: 0  -->
              <question type="category">
                <category><text>$course$/top/IU01</text></category>
              </question>
              <question type="multichoice">
                <name><text>Q1</text></name>
                <questiontext format="html">
                  <text><![CDATA[<p>Đơn vị <b>nhỏ nhất</b> &amp; đúng?</p><p>Chọn một.<br>Hình: <img src="@@PLUGINFILE@@/bit%20nho.png" alt=""></p>]]></text>
                  <file name="bit nho.png" path="/" encoding="base64">PNG_BASE64</file>
                </questiontext>
                <generalfeedback format="html"><text>&lt;p&gt;Bit là nhỏ nhất&lt;/p&gt;</text></generalfeedback>
                <defaultgrade>2.5</defaultgrade>
                <single>true</single>
                <answer fraction="100" format="html"><text>Bit</text><feedback format="html"><text>đúng</text></feedback></answer>
                <answer fraction="-33.33333" format="html"><text>Byte</text><feedback format="html"><text>sai</text></feedback></answer>
                <answer fraction="0" format="html"><text>Hertz</text></answer>
              </question>
              <question type="multichoice">
                <name><text>Q2</text></name>
                <questiontext format="html"><text><![CDATA[Chọn thiết bị vào <img src="@@PLUGINFILE@@/mouse.svg">]]></text>
                  <file name="mouse.svg" encoding="base64">SVG_BASE64</file></questiontext>
                <single>false</single>
                <answer fraction="50"><text>Bàn phím</text></answer>
                <answer fraction="50"><text>Chuột</text></answer>
                <answer fraction="-100"><text>Màn hình</text></answer>
              </question>
              <question type="truefalse">
                <name><text>Đ-S 1</text></name>
                <questiontext format="moodle_auto_format"><text>Word soạn thảo văn bản.</text></questiontext>
                <answer fraction="100"><text>true</text><feedback><text>Đúng</text></feedback></answer>
                <answer fraction="0"><text>false</text><feedback><text>Sai rồi</text></feedback></answer>
              </question>
              <question type="category">
                <category><text>$course$/top/IU02</text></category>
              </question>
              <question type="shortanswer">
                <name><text>Ngắn</text></name>
                <questiontext format="html"><text>Viết tắt của bộ xử lý?</text></questiontext>
                <answer fraction="100"><text>CPU</text></answer>
                <answer fraction="50"><text>Bộ xử lý trung tâm</text><feedback><text>gần đúng</text></feedback></answer>
              </question>
              <question type="numerical">
                <name><text>Số</text></name>
                <questiontext format="html"><text>1 KB?</text></questiontext>
                <answer fraction="100"><text>1024</text><tolerance>0</tolerance><feedback><text>đúng</text></feedback></answer>
                <answer fraction="50"><text>1050</text><tolerance>50</tolerance></answer>
                <answer fraction="0"><text>*</text><feedback><text>sai hẳn</text></feedback></answer>
              </question>
              <question type="matching">
                <name><text>Ghép</text></name>
                <questiontext format="html"><text>Ghép phím tắt</text></questiontext>
                <subquestion format="html"><text>Ctrl+C</text><answer><text>Sao chép</text></answer></subquestion>
                <subquestion format="html"><text>Ctrl+V</text><answer><text>Dán</text></answer></subquestion>
                <subquestion format="html"><text></text><answer><text>Cắt</text></answer></subquestion>
              </question>
              <question type="essay">
                <name><text>Tự luận</text></name>
                <questiontext format="html"><text>Trình bày cách tạo thư mục.</text></questiontext>
                <generalfeedback format="html"><text>Nêu đủ ba bước</text></generalfeedback>
                <defaultgrade>10</defaultgrade>
              </question>
              <question type="description">
                <name><text>Giới thiệu</text></name>
                <questiontext format="html"><text>Phần này hỏi về bảng tính.</text></questiontext>
                <defaultgrade>0</defaultgrade>
              </question>
            </quiz>
            """.replace("PNG_BASE64", Base64.getEncoder().encodeToString(PNG))
            .replace("SVG_BASE64", Base64.getMimeEncoder().encodeToString(SVG));

    @Test
    void readsEveryKind() {
        List<BankQuestion> read = MoodleXmlReader.parse(EVERY_KIND.getBytes(StandardCharsets.UTF_8));
        assertThat(read).extracting(BankQuestion::type).containsExactly(QuestionType.SINGLE_CHOICE,
                QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.SHORT_ANSWER,
                QuestionType.NUMERICAL, QuestionType.MATCHING, QuestionType.ESSAY, QuestionType.DESCRIPTION);
        BankQuestion q1 = read.get(0);
        assertThat(q1.category()).isEqualTo("IU01");
        assertThat(q1.text()).isEqualTo("Đơn vị nhỏ nhất & đúng?\nChọn một.\nHình:");
        assertThat(q1.points()).isEqualTo(2.5);
        assertThat(q1.feedback()).isEqualTo("Bit là nhỏ nhất");
        assertThat(q1.options()).containsExactly(new Option("Bit", 1, "đúng"), new Option("Byte", -0.3333333, "sai"),
                new Option("Hertz", 0, null));
        assertThat(q1.media()).containsExactly(Media.of("bit nho.png", "image/png", PNG));
        assertThat(read.get(1).media()).containsExactly(Media.of("mouse.svg", "image/svg+xml", SVG));
        assertThat(read.get(1).points()).isEqualTo(1);
        assertThat(read.get(2).options()).containsExactly(new Option("Đúng", 1, "Đúng"), new Option("Sai", 0, "Sai rồi"));
        assertThat(read.get(3).category()).isEqualTo("IU02");
        assertThat(read.get(4).ranges()).containsExactly(new Range(1024, 1024, 1, "đúng"),
                new Range(1000, 1100, 0.5, null), new Range(-Double.MAX_VALUE, Double.MAX_VALUE, 0, "sai hẳn"));
        assertThat(read.get(5).pairs()).containsExactly(new Pair("Ctrl+C", "Sao chép"), new Pair("Ctrl+V", "Dán"),
                new Pair("", "Cắt"));
        assertThat(read.get(6).feedback()).isEqualTo("Nêu đủ ba bước");
        assertThat(read.get(7).points()).isZero();
    }

    @Test
    void everyKindReadsBackAsWritten() {
        List<BankQuestion> read = MoodleXmlReader.parse(EVERY_KIND.getBytes(StandardCharsets.UTF_8));
        BankFile file = MoodleXmlWriter.write(read);
        assertThat(file.contentType()).startsWith("application/xml");
        assertThat(file.extension()).isEqualTo("xml");
        assertThat(file.leftOut()).isEmpty();
        List<BankQuestion> again = MoodleXmlReader.parse(file.content());
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(read);
        assertThat(MoodleXmlWriter.write(again).content()).as("a second round changes nothing")
                .isEqualTo(file.content());
        BankFiles.checkReadWithPictures(() -> read);
    }

    @Test
    void giftReadsTheSameThroughMoodleXml() {
        List<BankQuestion> gift = GiftParser.parse(GiftWriterTest.EVERY_KIND);
        BankFile file = MoodleXmlWriter.write(gift);
        assertThat(file.leftOut()).isEmpty();
        assertThat(MoodleXmlReader.parse(file.content()))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(gift);
    }

    @Test
    void textWithSpacesMarkupAndLinesReadsBackAsWritten() {
        BankQuestion plain = GiftParser.parse("::T:: x {=a ~b}").get(0);
        String text = "  a  <b>&amp; \"c\"\n\n  d ";
        BankQuestion spaced = new BankQuestion(1, "IU01", "T", text.strip(), plain.type(), 1, plain.options(),
                List.of(), List.of(), "ý 1\ný 2", List.of());
        assertThat(MoodleXmlReader.parse(MoodleXmlWriter.write(List.of(spaced)).content()))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").containsExactly(spaced);
    }

    @ParameterizedTest
    @CsvSource({"html, hỏi &#65279;về", "moodle_auto_format, hỏi &#65279;về", "html, hỏi \uFEFFvề"})
    void aZeroWidthNoBreakSpaceIsDroppedAsGiftDropsIt(String format, String written) {
        String xml = """
                <quiz><question type="category"><category><text>$course$/top/IU&#65279;01</text></category></question>
                <question type="description"><name><text>Giới&#65279; thiệu</text></name>
                <questiontext format="%s"><text>Phần này %s bảng tính.</text></questiontext></question></quiz>
                """.formatted(format, written);
        List<BankQuestion> read = MoodleXmlReader.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(read).singleElement().extracting(BankQuestion::text).isEqualTo("Phần này hỏi về bảng tính.");
        assertThat(read.get(0).title()).isEqualTo("Giới thiệu");
        assertThat(read.get(0).category()).isEqualTo("IU01");
        assertThat(MoodleXmlReader.parse(MoodleXmlWriter.write(read).content()))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(read);
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <quiz><question type="essay"><name><text>&x;</text></name>
                <questiontext><text>a</text></questiontext></question></quiz>
                """;
        assertThatThrownBy(() -> MoodleXmlReader.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BankRejectedException.class, e -> assertThat(e.errors())
                        .extracting(GiftError::messageKey).containsExactly("mxml.doctype"));
    }

    /** One broken twin of a small good file each: every problem named, with its line and the question. */
    @ParameterizedTest
    @CsvSource(delimiterString = "|", quoteCharacter = '`', value = {
        "not xml at all | mxml.notXml | 1",
        "<quiz><question type='essay'> | mxml.notXml | 1",
        "<test/> | mxml.notQuiz | 1",
        "<quiz/> | gift.empty | 1",
        "<quiz>\\n<question type='calculated'><name><text>C</text></name></question></quiz> | mxml.q.unknownType | 2",
        "<quiz><question type='multianswer'><name><text>Cloze</text></name></question></quiz> | mxml.q.unknownType | 1",
        "<quiz><question type='multichoice'><name><text>M</text></name><questiontext><text>x</text></questiontext></question></quiz> | mxml.q.tooFewOptions | 1",
        "<quiz><question type='shortanswer'><name><text>S</text></name><questiontext><text>x</text></questiontext></question></quiz> | mxml.q.noRightAnswer | 1",
        "<quiz><question type='multichoice'><name><text>M</text></name><questiontext><text>x</text></questiontext><answer fraction='abc'><text>a</text></answer><answer><text>b</text></answer></question></quiz> | mxml.q.weight | 1",
        "<quiz><question type='multichoice'><name><text>M</text></name><questiontext><text>x</text></questiontext><answer fraction='150'><text>a</text></answer><answer><text>b</text></answer></question></quiz> | mxml.q.weight | 1",
        "<quiz><question type='multichoice'><name><text>M</text></name><questiontext><text>x</text></questiontext><single>false</single><answer fraction='50'><text>a</text></answer><answer><text>b</text></answer></question></quiz> | mxml.q.weightsSum | 1",
        "<quiz><question type='essay'><name><text>E</text></name><questiontext><text> </text></questiontext></question></quiz> | mxml.q.noText | 1",
        "<quiz><question type='essay'><name><text>E</text></name><questiontext><text>x</text></questiontext><defaultgrade>-1</defaultgrade></question></quiz> | mxml.q.points | 1",
        "<quiz><question type='numerical'><name><text>N</text></name><questiontext><text>x</text></questiontext><answer fraction='100'><text>abc</text></answer></question></quiz> | mxml.q.number | 1",
        "<quiz><question type='truefalse'><name><text>T</text></name><questiontext><text>x</text></questiontext><answer fraction='100'><text>true</text></answer></question></quiz> | mxml.q.trueFalse | 1",
        "<quiz><question type='matching'><name><text>G</text></name><questiontext><text>x</text></questiontext><subquestion><text>a</text><answer><text>b</text></answer></subquestion></question></quiz> | mxml.q.matchingTooFew | 1",
        "<quiz><question type='essay'><name><text>P</text></name><questiontext format='html'><text>&lt;img src='@@PLUGINFILE@@/a.png'&gt;</text></questiontext></question></quiz> | mxml.q.pictureNotInFile | 1",
        "<quiz><question type='essay'><name><text>P</text></name><questiontext format='html'><text>&lt;img src='http://x/a.png'&gt;</text></questiontext></question></quiz> | mxml.q.pictureNotInFile | 1",
        "<quiz><question type='essay'><name><text>P</text></name><questiontext format='html'><text>&lt;img src='@@PLUGINFILE@@/a.png'&gt;</text>\\n<file name='a.png' encoding='base64'>!!notbase64</file></questiontext></question></quiz> | mxml.q.base64 | 2",
        "<quiz><question type='essay'><name><text>P</text></name><questiontext format='html'><text>&lt;img src='@@PLUGINFILE@@/a.bmp'&gt;</text><file name='a.bmp' encoding='base64'>AAAA</file></questiontext></question></quiz> | mxml.q.pictureType | 1",
        "<quiz><question type='essay'><name><text>P</text></name><questiontext><text>x</text></questiontext><generalfeedback format='html'><text>&lt;img src='@@PLUGINFILE@@/a.png'&gt;</text></generalfeedback></question></quiz> | mxml.q.pictureOutsideText | 1",
        "<quiz><question type='category'><category><text>$course$/top/</text></category></question></quiz> | gift.category | 1",
    })
    void aBrokenFileIsRefusedWhole(String xml, String key, int line) {
        assertThatThrownBy(() -> MoodleXmlReader.parse(xml.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BankRejectedException.class, e -> assertThat(e.errors()).as(e.errors()::toString)
                        .first().satisfies(error -> {
                            assertThat(error.messageKey()).isEqualTo(key);
                            assertThat(error.line()).isEqualTo(line);
                        }));
    }

    @Test
    void twinsAreNumberedAsGiftNumbersThem() {
        String xml = """
                <quiz>
                <question type="essay"><name><text>E</text></name><questiontext><text>x</text></questiontext></question>
                <question type="essay"><name><text>E</text></name><questiontext><text>y</text></questiontext></question>
                <question type="essay"><name><text>E</text></name><questiontext><text>z</text></questiontext></question>
                </quiz>
                """;
        List<BankQuestion> read = MoodleXmlReader.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(read).extracting(BankQuestion::title).containsExactly("E", "E (2)", "E (3)");
        assertThat(GiftParser.parse(new String(GiftWriter.write(read).content(), StandardCharsets.UTF_8)))
                .extracting(BankQuestion::title).containsExactly("E", "E (2)", "E (3)");
    }

    @Test
    void everyProblemOfAFileIsTold() {
        String xml = """
                <quiz>
                <question type="calculated"><name><text>C1</text></name></question>
                <question type="essay"><name><text>OK</text></name><questiontext><text>x</text></questiontext></question>
                <question type="ddwtos"><name><text>C2</text></name></question>
                </quiz>
                """;
        assertThatThrownBy(() -> MoodleXmlReader.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BankRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(GiftError.of(2, "mxml.q.unknownType", "C1", "calculated"),
                                GiftError.of(4, "mxml.q.unknownType", "C2", "ddwtos")));
    }

    @Test
    void picturesGoWhereGiftLeavesThemOut() {
        List<BankQuestion> read = MoodleXmlReader.parse(EVERY_KIND.getBytes(StandardCharsets.UTF_8));
        assertThat(GiftWriter.write(read).leftOut()).extracting(BankFile.LeftOut::question).containsExactly("Q1", "Q2");
        assertThat(MoodleXmlWriter.write(read).leftOut()).isEmpty();
    }
}
