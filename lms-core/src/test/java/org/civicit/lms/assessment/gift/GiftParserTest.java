package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GiftParserTest {

    private static BankQuestion one(String gift) {
        List<BankQuestion> questions = GiftParser.parse(gift);
        assertThat(questions).hasSize(1);
        return questions.get(0);
    }

    private static List<GiftError> errors(String gift) {
        try {
            GiftParser.parse(gift);
        } catch (BankRejectedException e) {
            return e.errors();
        }
        throw new AssertionError("the bank was accepted");
    }

    @Test
    void singleChoiceWithTitleAndFeedback() {
        BankQuestion q = one("::Q1:: Đơn vị nhỏ nhất? {=Bit #đúng ~Byte #sai ~Hertz}");
        assertThat(q.title()).isEqualTo("Q1");
        assertThat(q.text()).isEqualTo("Đơn vị nhỏ nhất?");
        assertThat(q.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(q.options()).extracting(Option::text, Option::fraction, Option::feedback)
                .containsExactly(tuple("Bit", 1.0, "đúng"), tuple("Byte", 0.0, "sai"), tuple("Hertz", 0.0, null));
        assertThat(q.category()).isEqualTo("default");
        assertThat(q.points()).isEqualTo(1);
    }

    @Test
    void singleChoiceMayMarkTwoAnswersRightAsMoodleDoes() {
        BankQuestion q = one("::Q1:: Chọn? {=A =B ~C}");
        assertThat(q.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(q.options()).extracting(Option::fraction).containsExactly(1.0, 1.0, 0.0);
    }

    @Test
    void trueFalseIsUpperCaseAsInMoodle() {
        BankQuestion lower = one("x {t}");
        assertThat(lower.type()).as("Moodle reads {t} as a short answer").isEqualTo(QuestionType.SHORT_ANSWER);
        assertThat(lower.options()).extracting(Option::text).containsExactly("t");
    }

    @Test
    void aQuestionMayStartWithADollarSign() {
        assertThat(one("$5 là bao nhiêu đồng? {=120000}").text()).isEqualTo("$5 là bao nhiêu đồng?");
    }

    @Test
    void tooManyOptionsAndTooLongTextsAreRefused() {
        String many = "x {=a " + "~b ".repeat(GiftParser.MAX_OPTIONS) + "}";
        assertThat(errors(many)).extracting(GiftError::messageKey).containsExactly("gift.tooManyOptions");
        assertThat(errors("::Q:: " + "x".repeat(GiftParser.TEXT_LENGTH - 10) + " {=" + "y".repeat(12_000) + " ~z}"))
                .extracting(GiftError::messageKey).containsExactly("gift.textTooLong");
    }

    @Test
    void multipleChoiceWithWeightsIncludingNegative() {
        BankQuestion q = one("Chọn thiết bị vào {~%50%Bàn phím ~%50%Chuột ~%-100%Máy in}");
        assertThat(q.type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(q.options()).extracting(Option::fraction).containsExactly(0.5, 0.5, -1.0);
        assertThat(q.title()).isNull();
    }

    @Test
    void multipleChoiceWhoseWeightsDoNotReachAHundredIsRefused() {
        assertThat(errors("Chọn {~%50%A ~%30%B ~%-100%C}")).singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("gift.weightsSum"))
                .satisfies(e -> assertThat(e.arguments()).containsExactly("80"));
        assertThat(errors("Chọn {~%150%A ~%-50%B}")).extracting(GiftError::messageKey).containsExactly("gift.weightRange");
        assertThat(errors("Chọn {~%abc%A ~B}")).extracting(GiftError::messageKey).containsExactly("gift.weight");
    }

    @Test
    void thirdsAddUpToAHundred() {
        assertThat(one("Chọn {~%33.33333%A ~%33.33333%B ~%33.33333%C ~%-100%D}").type())
                .isEqualTo(QuestionType.MULTIPLE_CHOICE);
    }

    @Test
    void trueFalseInEveryForm() {
        assertThat(one("RAM mất dữ liệu khi tắt máy. {T}").options()).extracting(Option::fraction).containsExactly(1.0, 0.0);
        assertThat(one("Trái đất phẳng. {FALSE}").options()).extracting(Option::fraction).containsExactly(0.0, 1.0);
        assertThat(one("x {TRUE}").type()).isEqualTo(QuestionType.TRUE_FALSE);
        BankQuestion withFeedback = one("x {F#Sai rồi#Chính xác}");
        assertThat(withFeedback.options()).extracting(Option::feedback).containsExactly("Sai rồi", "Chính xác");
    }

    @Test
    void trueFalseWithThreeFeedbacksIsRefused() {
        assertThat(errors("x {T#a#b#c}")).extracting(GiftError::messageKey).containsExactly("gift.trueFalseFeedback");
    }

    @Test
    void shortAnswerWithSeveralForms() {
        BankQuestion q = one("Viết tắt của bộ xử lý? {=CPU =%50%bộ xử lý =Central Processing Unit}");
        assertThat(q.type()).isEqualTo(QuestionType.SHORT_ANSWER);
        assertThat(q.options()).extracting(Option::text, Option::fraction)
                .containsExactly(tuple("CPU", 1.0), tuple("bộ xử lý", 0.5), tuple("Central Processing Unit", 1.0));
    }

    @Test
    void shortAnswerWithAnEmptyFormIsRefused() {
        assertThat(errors("Viết tắt? {=CPU = }")).extracting(GiftError::messageKey).containsExactly("gift.emptyAnswer");
    }

    @Test
    void numericalExactToleranceRangeAndSeveralAnswers() {
        assertThat(one("1 KB? {#1024}").ranges()).singleElement()
                .satisfies(r -> assertThat(r.min()).isEqualTo(1024)).satisfies(r -> assertThat(r.max()).isEqualTo(1024));
        assertThat(one("Pi? {#3.14:0.01}").ranges()).singleElement()
                .satisfies(r -> assertThat(r.min()).isCloseTo(3.13, org.assertj.core.data.Offset.offset(1e-9)))
                .satisfies(r -> assertThat(r.max()).isCloseTo(3.15, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(one("Từ 5 đến 10 {#5..10}").ranges()).singleElement()
                .satisfies(r -> assertThat(r.min()).isEqualTo(5)).satisfies(r -> assertThat(r.max()).isEqualTo(10));
        BankQuestion several = one("Năm? {#=2014:0 #đúng =%50%2013:1 #gần đúng}");
        assertThat(several.type()).isEqualTo(QuestionType.NUMERICAL);
        assertThat(several.ranges()).extracting(r -> r.fraction()).containsExactly(1.0, 0.5);
        assertThat(several.ranges().get(0).feedback()).isEqualTo("đúng");
    }

    @Test
    void numericalThatIsNotANumberIsRefused() {
        assertThat(errors("1 KB? {#một nghìn}")).extracting(GiftError::messageKey).containsExactly("gift.number");
        assertThat(errors("Khoảng? {#10..5}")).extracting(GiftError::messageKey).containsExactly("gift.number");
        assertThat(errors("Pi? {#3.14:x}")).extracting(GiftError::messageKey).containsExactly("gift.number");
    }

    @Test
    void matchingWithAnExtraChoice() {
        BankQuestion q = one("Ghép {=Bàn phím -> Vào =Màn hình -> Ra =SSD -> Lưu trữ = -> Mạng}");
        assertThat(q.type()).isEqualTo(QuestionType.MATCHING);
        assertThat(q.matchedPairs()).hasSize(3);
        assertThat(q.choices()).containsExactly("Vào", "Ra", "Lưu trữ", "Mạng");
    }

    @Test
    void matchingWithoutArrowsOnEveryLineIsRefused() {
        assertThat(errors("Ghép {=A -> 1 =B}")).extracting(GiftError::messageKey).containsExactly("gift.matchingArrow");
        assertThat(errors("Ghép {=A -> 1}")).extracting(GiftError::messageKey).containsExactly("gift.matchingTooFew");
    }

    @Test
    void essayIsAnEmptyBlock() {
        BankQuestion q = one("::TH-1:: Viết một báo cáo. {}");
        assertThat(q.type()).isEqualTo(QuestionType.ESSAY);
        assertThat(q.type().autoGraded()).isFalse();
    }

    @Test
    void essayBlockLeftOpenIsRefused() {
        assertThat(errors("::TH-1:: Viết một báo cáo. {")).extracting(GiftError::messageKey).containsExactly("gift.blockNotClosed");
    }

    @Test
    void escapesKeepTheirCharacters() {
        BankQuestion q = one("Công thức \\=SUM(A1\\:A10) trả về gì? \\{x\\} \\# \\~ {=Tổng\\~cộng ~Trung bình \\= 1}");
        assertThat(q.text()).isEqualTo("Công thức =SUM(A1:A10) trả về gì? {x} # ~");
        assertThat(q.options()).extracting(Option::text).containsExactly("Tổng~cộng", "Trung bình = 1");
    }

    @Test
    void anUnescapedBraceInTheTextIsRefused() {
        assertThat(errors("Tập {a} là gì {=b ~c}")).extracting(GiftError::messageKey).containsExactly("gift.twoBlocks");
    }

    @Test
    void commentsAndCategoriesAndPoints() {
        List<BankQuestion> questions = GiftParser.parse("""
                // ngân hàng thử
                $CATEGORY: $course$/top/IU01

                ::A:: Câu một {T}
                // ghi chú giữa hai câu

                $CATEGORY: IU01-TH
                $POINTS: 10
                ::B:: Bài thực hành {}

                $CATEGORY: IU02
                ::C:: Câu ba {F}
                """);
        assertThat(questions).extracting(BankQuestion::title, BankQuestion::category, BankQuestion::points)
                .containsExactly(tuple("A", "IU01", 1.0), tuple("B", "IU01-TH", 10.0), tuple("C", "IU02", 1.0));
    }

    @Test
    void brokenDirectivesAreRefused() {
        assertThat(errors("$CATEGORY:\n\nx {T}")).extracting(GiftError::line, GiftError::messageKey)
                .containsExactly(tuple(1, "gift.category"));
        assertThat(errors("$POINTS: nhiều\n\nx {T}")).extracting(GiftError::messageKey).containsExactly("gift.points");
        assertThat(errors("$QUESTION: x\n\nx {T}")).extracting(GiftError::messageKey).containsExactly("gift.unknownDirective");
    }

    @Test
    void multiLineQuestionAndFormatMarker() {
        BankQuestion q = one("""
                ::Nhiều dòng::[markdown]Dòng một
                dòng hai {
                  =Đúng
                  ~Sai
                }""");
        assertThat(q.text()).isEqualTo("Dòng một\ndòng hai");
        assertThat(q.options()).hasSize(2);
    }

    @Test
    void missingWordKeepsTheTextAfterTheBlank() {
        assertThat(one("Thủ đô của Việt Nam là {=Hà Nội ~Huế} và nằm ở miền Bắc.").text())
                .isEqualTo("Thủ đô của Việt Nam là _____ và nằm ở miền Bắc.");
    }

    @Test
    void aBlankAtTheStartBeginsTheText() {
        assertThat(one("{#12} là kết quả của =A1*B1 trong ô C1.").text())
                .isEqualTo("_____ là kết quả của =A1*B1 trong ô C1.");
    }

    @Test
    void generalFeedbackAfterFourHashes() {
        assertThat(one("x {=a ~b ####Xem lại bài 1}").feedback()).isEqualTo("Xem lại bài 1");
    }

    @Test
    void everyBrokenQuestionIsReportedAtTheLineWhereItStarts() {
        List<GiftError> errors = errors("""
                ::ok:: Câu tốt {T}

                ::bad1:: Khối trả lời không mở } ~a

                ::ok2:: Câu tốt {=a ~b}

                ::bad2 Tiêu đề không đóng
                {T}

                ::bad3:: Chỉ một lựa chọn {~a}
                """);
        assertThat(errors).extracting(GiftError::line, GiftError::messageKey).containsExactly(
                tuple(3, "gift.blockNotOpened"), tuple(7, "gift.titleNotClosed"), tuple(10, "gift.tooFewOptions"));
    }

    @Test
    void twinsInACategoryAreQuestionsOfTheirOwnNumberedTheSameEachTime() {
        String file = "::A:: x {T}\n\n::A:: y {F}\n\n::A (2):: z {T}\n\nCùng câu {=a ~b}\n\nCùng câu {=c ~d}\n\n"
                + "$CATEGORY: khác\n::A:: w {T}";
        List<BankQuestion> questions = GiftParser.parse(file);
        assertThat(questions).extracting(BankQuestion::title, BankQuestion::text).containsExactly(
                tuple("A", "x"), tuple("A (2)", "y"), tuple("A (2) (2)", "z"), tuple(null, "Cùng câu"),
                tuple("Cùng câu (2)", "Cùng câu"), tuple("A", "w"));
        assertThat(GiftParser.parse(file)).as("the same names on every read of the file").isEqualTo(questions);
        List<BankQuestion> exported = GiftParser.parse(new String(GiftWriter.write(questions).content(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exported).as("an export names them as they were kept")
                .extracting(BankQuestion::title).containsExactly("A", "A (2)", "A (2) (2)", null, "Cùng câu (2)", "A");
    }

    @Test
    void textBeforeTheFirstAnswerIsAnAnswerAsMoodleReadsIt() {
        BankQuestion choice = one("x {a =b ~c}");
        assertThat(choice.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(choice.options()).extracting(Option::text, Option::fraction)
                .containsExactly(tuple("a", 0.0), tuple("b", 1.0), tuple("c", 0.0));
        BankQuestion lone = one("Số 1 viết bằng chữ? {Một #đúng}");
        assertThat(lone.type()).isEqualTo(QuestionType.SHORT_ANSWER);
        assertThat(lone.options()).extracting(Option::text, Option::fraction, Option::feedback)
                .containsExactly(tuple("Một", 1.0, "đúng"));
        assertThat(one("x {a =b}").options()).as("every form of a short answer is right")
                .extracting(Option::text, Option::fraction).containsExactly(tuple("a", 1.0), tuple("b", 1.0));
        assertThat(errors("x {~a ~b}")).extracting(GiftError::messageKey).containsExactly("gift.noRightAnswer");
        assertThat(errors("x {#}")).extracting(GiftError::messageKey).containsExactly("gift.number");
    }

    @Test
    void aWrongNumericalAnswerWithOnlyFeedbackIsAnyOtherNumber() {
        BankQuestion q = one("::Q5:: Một số từ 1 đến 5? {#\n=3:2\n~#Sai hoàn toàn}");
        assertThat(q.ranges()).extracting(r -> r.fraction(), r -> r.feedback())
                .containsExactly(tuple(1.0, null), tuple(0.0, "Sai hoàn toàn"));
        assertThat(q.ranges().get(1).min()).isEqualTo(-Double.MAX_VALUE);
        assertThat(q.ranges().get(1).max()).isEqualTo(Double.MAX_VALUE);
        assertThat(errors("x {#=3 ~%50%#nửa}")).as("only a wrong answer may stand for any number")
                .extracting(GiftError::messageKey).containsExactly("gift.number");
    }

    @Test
    void aBackslashBeforeAnythingButAControlCharacterIsItself() {
        BankQuestion q = one("Ký tự nào không phải ký tự điều khiển? {~\\~ #\\~ là ký tự điều khiển\n= \\  # Đúng! \\ (gạch chéo ngược)}");
        assertThat(q.options()).extracting(Option::text).containsExactly("~", "\\");
        assertThat(q.options().get(1).feedback()).isEqualTo("Đúng! \\ (gạch chéo ngược)");
        assertThat(one("Đường dẫn C:\\Windows\\? {=đúng ~sai}").text()).isEqualTo("Đường dẫn C:\\Windows\\?");
        assertThat(one("Dấu gạch chéo ngược? {=\\\\ ~/}").options()).extracting(Option::text)
                .as("an escaped backslash alone").containsExactly("\\", "/");
    }

    @Test
    void textWithNoAnswerBlockIsADescriptionWorthNothing() {
        List<BankQuestion> read = GiftParser.parse("""
                $POINTS: 2
                ::Giới thiệu:: Phần này hỏi về bảng tính\\: đọc kỹ.

                Câu hỏi? {=a ~b}

                Đoạn hai
                dòng, không tiêu đề
                """);
        assertThat(read).extracting(BankQuestion::title, BankQuestion::text, BankQuestion::type, BankQuestion::points)
                .containsExactly(tuple("Giới thiệu", "Phần này hỏi về bảng tính: đọc kỹ.", QuestionType.DESCRIPTION, 0.0),
                        tuple(null, "Câu hỏi?", QuestionType.SINGLE_CHOICE, 2.0),
                        tuple(null, "Đoạn hai\ndòng, không tiêu đề", QuestionType.DESCRIPTION, 0.0));
        assertThat(errors("::A:: x }")).extracting(GiftError::messageKey).containsExactly("gift.blockNotOpened");
        assertThat(errors("::Chỉ có tiêu đề::")).extracting(GiftError::messageKey).containsExactly("gift.noText");
        assertThat(QuestionType.DESCRIPTION.answered()).isFalse();
        assertThat(QuestionType.DESCRIPTION.autoGraded()).isFalse();
    }

    @Test
    void aHundredThousandTwinsAreNumberedInLinearTime() {
        List<BankQuestion> read = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> GiftParser.parse("Câu giống nhau {T}\n\n".repeat(100_000)));
        assertThat(read).hasSize(100_000);
        assertThat(read.get(99_999).title()).isEqualTo("Câu giống nhau (100000)");
    }

    @Test
    void aFileThatOnlyNamesACategoryAddsNothing() {
        assertThat(GiftParser.parse("// danh mục mới\n$CATEGORY: $course$/IU-mới\n")).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(errors("// chỉ có ghi chú\n")).extracting(GiftError::messageKey).containsExactly("gift.empty");
        assertThatThrownBy(() -> AikenParser.parse("\n\n", "IU01")).isInstanceOfSatisfying(BankRejectedException.class,
                rejected -> assertThat(rejected.errors()).extracting(GiftError::messageKey).containsExactly("gift.empty"));
    }

    @Test
    void escapeIsTheInverseOfUnescape() {
        String text = "a=b~c#d{e}f:g\\h\nk";
        assertThat(GiftParser.unescape(GiftParser.escape(text))).isEqualTo(text);
    }

    @Test
    void aikenBecomesSingleChoice() {
        List<BankQuestion> questions = AikenParser.parse("""
                Đơn vị nhỏ nhất của thông tin là gì?
                A. Byte
                B) Bit
                C. Hertz
                ANSWER: B

                1 byte bằng mấy bit?
                A. 8
                B. 10
                ANSWER: a
                """, "IU01");
        assertThat(questions).extracting(BankQuestion::category, BankQuestion::type)
                .containsOnly(tuple("IU01", QuestionType.SINGLE_CHOICE));
        assertThat(questions.get(0).options()).extracting(Option::text, Option::fraction)
                .containsExactly(tuple("Byte", 0.0), tuple("Bit", 1.0), tuple("Hertz", 0.0));
        assertThat(questions.get(1).options().get(0).fraction()).isEqualTo(1.0);
    }

    @Test
    void aikenWithoutAnAnswerLineOrWithAWrongLetterIsRefused() {
        assertThatThrownBy(() -> AikenParser.parse("Câu?\nA. x\nB. y\n\nCâu 2?\nA. x\nB. y\nANSWER: D\n", "IU01"))
                .isInstanceOfSatisfying(BankRejectedException.class, e -> assertThat(e.errors())
                        .extracting(GiftError::line, GiftError::messageKey)
                        .containsExactly(tuple(1, "aiken.noAnswerLine"), tuple(8, "aiken.answerLetter")));
    }

    @Test
    void aBankOfAHundredThousandBrokenQuestionsListsTheFirstThousandAndCountsAll() {
        String bank = "Câu hỏi có khối đáp án không đóng {=a\n\n".repeat(100_000);
        assertThatThrownBy(() -> GiftParser.parse(bank)).isInstanceOfSatisfying(BankRejectedException.class, e -> {
            assertThat(e.total()).isEqualTo(100_000);
            assertThat(e.errors()).hasSize(1000).allSatisfy(error -> assertThat(error.messageKey())
                    .isEqualTo("gift.blockNotClosed"));
            assertThat(e.errors().get(999).line()).isEqualTo(1999);
        });
    }

    @Test
    void anAikenFileOfAHundredThousandBrokenQuestionsListsTheFirstThousand() {
        String bank = "Câu?\nA. x\nANSWER: A\n\n".repeat(100_000);
        assertThatThrownBy(() -> AikenParser.parse(bank, "IU01")).isInstanceOfSatisfying(BankRejectedException.class,
                e -> {
                    assertThat(e.total()).isEqualTo(100_000);
                    assertThat(e.errors()).hasSize(1000);
                });
    }

    @Test
    void aQuestionsBrokenAfterTheThousandthProblemIsStillRefused() {
        String bank = "x {\n\n".repeat(1000) + "Đúng? {T}\n\nSai {~a ~b}\n";
        assertThatThrownBy(() -> GiftParser.parse(bank)).isInstanceOfSatisfying(BankRejectedException.class,
                e -> assertThat(e.total()).isEqualTo(1001));
    }

    @Test
    void valuesQuotedFromTheFileAreCutToAHundredCharacters() {
        String huge = "9".repeat(1_000_000);
        assertThat(errors("$QUESTION: " + huge + "\n\nx {T}").get(0).arguments())
                .containsExactly("$QUESTION: " + "9".repeat(89) + "…");
        assertThat(errors("$POINTS: " + huge + "\n\nx {T}").get(0).arguments()).containsExactly("9".repeat(100) + "…");
        // A question's own text is bounded, but still far longer than an echo.
        String inQuestion = "9".repeat(GiftParser.SOURCE_LENGTH - 100);
        assertThat(errors("Số? {#" + inQuestion + "x}").get(0).arguments()).containsExactly("9".repeat(100) + "…");
        assertThat(errors("Chọn {~%" + inQuestion + "%A ~B}").get(0).arguments()).containsExactly("9".repeat(100) + "…");
        assertThat(errors("x {=" + inQuestion + " =a->b}").get(0).arguments()).containsExactly("9".repeat(100) + "…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "1:Infinity", "1:NaN", "-Infinity..0", "0..1e999"})
    void aNumericalAnswerMustBeAFiniteNumber(String answer) {
        assertThat(errors("Số? {#" + answer + "}")).extracting(GiftError::messageKey).containsExactly("gift.number");
    }

    @Test
    void aCategoryOfAMegabyteOfMoodlePrefixesIsToldAtOnce() {
        String bank = "$CATEGORY: " + "top/".repeat(250_000) + "\n\nx {T}";
        List<GiftError> errors = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> errors(bank));
        assertThat(errors).extracting(GiftError::messageKey).containsExactly("gift.category");
    }

    @Test
    void anAikenCategoryIsKeptAsTyped() {
        List<BankQuestion> questions = AikenParser.parse("Câu?\nA. x\nB. y\nANSWER: A\n", "Tin học: cơ bản {1} #2");
        assertThat(questions).extracting(BankQuestion::category).containsExactly("Tin học: cơ bản {1} #2");
    }

    @Test
    void anAikenCategoryOnTwoLinesIsRefused() {
        assertThatThrownBy(() -> AikenParser.parse("Câu?\nA. x\nB. y\nANSWER: A\n", "IU01\nCâu chen vào {T}"))
                .isInstanceOfSatisfying(BankRejectedException.class, e -> assertThat(e.errors())
                        .extracting(GiftError::line, GiftError::messageKey).containsExactly(tuple(1, "aiken.categoryLine")));
    }

    @Test
    void anAikenCategoryWithALineSeparatorIsStillACategory() {
        assertThat(AikenParser.parse("Câu?\nA. x\nB. y\nANSWER: A\n", "IU01\u2028bis"))
                .extracting(BankQuestion::category).containsExactly("IU01\u2028bis");
    }
}
