package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.junit.jupiter.api.Test;

/** What QTI writes, QTI reads back the same, bar what it says it left out; and what other tools write, it reads. */
class QtiPackageTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyKindOfGiftReadsBackAsWrittenButWhatIsLeftOut() {
        List<BankQuestion> gift = GiftParser.parse(GiftWriterTest.EVERY_KIND);
        BankFile file = QtiPackage.write(gift);
        assertThat(file.contentType()).isEqualTo("application/zip");
        assertThat(file.extension()).isEqualTo("zip");
        assertThat(file.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.question()).isEqualTo(GiftParser.identity(gift.get(6)));
            assertThat(left.what()).startsWith("feedback per answer");
        });

        List<BankQuestion> expected = gift.stream().map(QtiPackageTest::withoutShortAnswerFeedback).toList();
        List<BankQuestion> again = QtiPackage.read(file.content(), null);
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(expected);
        assertThat(again).extracting(BankQuestion::type).contains(QuestionType.values());
        assertThat(QtiPackage.write(again).content()).as("a second round changes nothing")
                .isEqualTo(QtiPackage.write(expected).content());
    }

    @Test
    void picturesAndVietnameseTravelWithTheirQuestion() {
        BankQuestion pictured = new BankQuestion(1, "Tin học cơ bản", "Thanh công cụ",
                "Nút nào dùng để in?\nChọn một nút <b> & \"đúng\".", QuestionType.SINGLE_CHOICE, 2,
                List.of(new Option("Nút In", 1, "Đúng vậy"), new Option("Nút Lưu", -0.5, null)), List.of(), List.of(),
                "Xem lại thanh công cụ", List.of(Media.of("thanh.png", "image/png", PNG),
                        Media.of("nút in.svg", "image/svg+xml", SVG)));
        BankFile file = QtiPackage.write(List.of(pictured));
        assertThat(file.leftOut()).isEmpty();
        BankQuestion again = QtiPackage.read(file.content(), "khác").get(0);
        assertThat(again).usingRecursiveComparison().ignoringFields("line").isEqualTo(pictured);
        assertThat(again.media().get(0).content()).isEqualTo(PNG);
        assertThat(again.media().get(1).content()).isEqualTo(SVG);
    }

    @Test
    void readsAChoiceItemAsAnotherToolWritesIt() {
        String item = """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choice-7"
                    title="Thủ đô" adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
                    <correctResponse><value>hn</value><value>hue</value></correctResponse>
                    <mapping lowerBound="0" upperBound="4" defaultValue="0">
                      <mapEntry mapKey="hn" mappedValue="2"/>
                      <mapEntry mapKey="hue" mappedValue="2"/>
                      <mapEntry mapKey="bkk" mappedValue="-1"/>
                    </mapping>
                  </responseDeclaration>
                  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
                  <itemBody>
                    <div><p>Thành phố nào từng là <em>thủ đô</em> của Việt Nam?</p></div>
                    <div><img src="../img/map.jpg" alt="bản đồ"/></div>
                    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">
                      <prompt>Chọn tất cả.</prompt>
                      <simpleChoice identifier="hn">Hà Nội</simpleChoice>
                      <simpleChoice identifier="hue">Huế</simpleChoice>
                      <simpleChoice identifier="bkk">Băng Cốc</simpleChoice>
                    </choiceInteraction>
                  </itemBody>
                  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
                </assessmentItem>
                """;
        byte[] zip = zip(Map.of("imsmanifest.xml", manifest("items/choice-7.xml", "img/map.jpg"),
                "items/choice-7.xml", item, "img/map.jpg", "JPEG"));
        BankQuestion question = QtiPackage.read(zip, "Địa lý").get(0);
        assertThat(question.category()).isEqualTo("Địa lý");
        assertThat(question.title()).isEqualTo("Thủ đô");
        assertThat(question.type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(question.points()).isEqualTo(4);
        assertThat(question.text()).isEqualTo("Thành phố nào từng là thủ đô của Việt Nam?\nChọn tất cả.");
        assertThat(question.options()).containsExactly(new Option("Hà Nội", 0.5, null), new Option("Huế", 0.5, null),
                new Option("Băng Cốc", -0.25, null));
        assertThat(question.media()).containsExactly(Media.of("map.jpg", "image/jpeg",
                "JPEG".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dropsAZeroWidthNoBreakSpaceAsGiftDropsIt() {
        String item = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i" title="Thủ\uFEFF đô">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                    <correctResponse><value>hn</value></correctResponse>
                  </responseDeclaration>
                  <itemBody>
                    <p>Thủ đô &#65279;là?</p>
                    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
                      <simpleChoice identifier="hn">Hà\uFEFF Nội</simpleChoice>
                      <simpleChoice identifier="hue">Huế</simpleChoice>
                    </choiceInteraction>
                  </itemBody>
                </assessmentItem>
                """;
        BankQuestion question = QtiPackage.read(zip(Map.of("imsmanifest.xml", manifest("i.xml", null), "i.xml", item)),
                "IU01").get(0);
        assertThat(question.title()).isEqualTo("Thủ đô");
        assertThat(question.text()).isEqualTo("Thủ đô là?");
        assertThat(question.options()).extracting(Option::text).containsExactly("Hà Nội", "Huế");
    }

    @Test
    void readsMatchingAndNumericItemsWithoutMappings() {
        String match = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="m" title="Ghép"
                    adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="R" cardinality="multiple" baseType="directedPair">
                    <correctResponse><value>a x</value><value>b y</value></correctResponse>
                  </responseDeclaration>
                  <itemBody><p>Ghép phím tắt với việc nó làm.</p>
                    <matchInteraction responseIdentifier="R" shuffle="false" maxAssociations="2">
                    <simpleMatchSet><simpleAssociableChoice identifier="a" matchMax="1">Ctrl+C</simpleAssociableChoice>
                      <simpleAssociableChoice identifier="b" matchMax="1">Ctrl+V</simpleAssociableChoice></simpleMatchSet>
                    <simpleMatchSet><simpleAssociableChoice identifier="z" matchMax="1">Cắt</simpleAssociableChoice>
                      <simpleAssociableChoice identifier="x" matchMax="1">Sao chép</simpleAssociableChoice>
                      <simpleAssociableChoice identifier="y" matchMax="1">Dán</simpleAssociableChoice></simpleMatchSet>
                  </matchInteraction></itemBody>
                  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
                </assessmentItem>
                """;
        String numeric = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="n" title="Số"
                    adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer">
                    <correctResponse><value>1024</value></correctResponse>
                  </responseDeclaration>
                  <itemBody><p>1 KB bằng bao nhiêu byte? <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
                </assessmentItem>
                """;
        byte[] zip = zip(Map.of("imsmanifest.xml", manifest("m.xml", null) .replace("</resources>",
                "<resource identifier=\"n\" type=\"imsqti_item_xmlv2p1\" href=\"n.xml\"/></resources>"),
                "m.xml", match, "n.xml", numeric));
        List<BankQuestion> questions = QtiPackage.read(zip, null);
        assertThat(questions.get(0).category()).isEqualTo(QtiPackage.DEFAULT_CATEGORY);
        assertThat(questions.get(0).pairs()).containsExactly(new BankQuestion.Pair("Ctrl+C", "Sao chép"),
                new BankQuestion.Pair("Ctrl+V", "Dán"), new BankQuestion.Pair("", "Cắt"));
        assertThat(questions.get(1).type()).isEqualTo(QuestionType.NUMERICAL);
        assertThat(questions.get(1).text()).isEqualTo("1 KB bằng bao nhiêu byte?");
        assertThat(questions.get(1).ranges()).containsExactly(new Range(1024, 1024, 1, null));
    }

    @Test
    void readsATextEntryItemWithAnEncodedPictureName() {
        String item = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="t1" title="Viết tắt"
                    adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
                    <correctResponse><value>CPU</value></correctResponse>
                    <mapping defaultValue="0"><mapEntry mapKey="CPU" mappedValue="1" caseSensitive="false"/>
                      <mapEntry mapKey="Bộ xử lý" mappedValue="0.5" caseSensitive="false"/></mapping>
                  </responseDeclaration>
                  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
                  <itemBody><p>Bộ phận trong hình viết tắt là gì? <textEntryInteraction responseIdentifier="RESPONSE"
                    expectedLength="10"/></p><p><img src="h%C3%ACnh%20chip.png" alt="chip"/></p></itemBody>
                  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
                </assessmentItem>
                """;
        BankQuestion question = QtiPackage.read(zip(Map.of("imsmanifest.xml", manifest("t1.xml", null), "t1.xml", item,
                "hình chip.png", "PNG")), null).get(0);
        assertThat(question.type()).isEqualTo(QuestionType.SHORT_ANSWER);
        assertThat(question.points()).isEqualTo(1);
        assertThat(question.text()).isEqualTo("Bộ phận trong hình viết tắt là gì?");
        assertThat(question.options()).containsExactly(new Option("CPU", 1, null), new Option("Bộ xử lý", 0.5, null));
        assertThat(question.media()).extracting(Media::name).containsExactly("hình chip.png");
    }

    @Test
    void twinsInACategoryAreNumberedAsGiftNumbersThem() {
        BankQuestion essay = new BankQuestion(1, "IU01", "Tự luận", "Viết một đoạn.", QuestionType.ESSAY, 1,
                List.of(), List.of(), List.of(), null, List.of());
        List<BankQuestion> read = QtiPackage.read(QtiPackage.write(List.of(essay, essay)).content(), null);
        assertThat(read).extracting(BankQuestion::title).containsExactly("Tự luận", "Tự luận (2)");
    }

    @Test
    void refusesRightAnswersThatDoNotAddUpToTheWholeQuestion() {
        BankQuestion several = new BankQuestion(1, "IU01", "Chọn", "Chọn hai.", QuestionType.MULTIPLE_CHOICE, 1,
                List.of(new Option("A", 0.5, null), new Option("B", 0.5, null), new Option("C", 0, null)), List.of(),
                List.of(), null, List.of());
        Map<String, byte[]> files = unzip(QtiPackage.write(List.of(several)).content());
        String item = new String(files.get("items/Q1/item.xml"), StandardCharsets.UTF_8);
        files.put("items/Q1/item.xml", item.replace("mapKey=\"C2\" mappedValue=\"0.5\"", "mapKey=\"C2\" mappedValue=\"0.2\"")
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(zipBytes(files), "qti.weightsSum", "items/Q1/item.xml", 70L);
    }

    @Test
    void refusesWhatIsNotAPackage() {
        assertRejected("plain text".getBytes(StandardCharsets.UTF_8), "qti.notZip");
        assertRejected(zip(Map.of("readme.txt", "hello")), "qti.noManifest");
        assertRejected(zip(Map.of("imsmanifest.xml", manifest("q.xml", null))), "qti.missingFile", "q.xml");
        assertRejected(zip(Map.of("imsmanifest.xml", "<manifest><resources>")), "qti.badXml", "imsmanifest.xml");
        assertRejected(zip(Map.of("imsmanifest.xml", manifest("q.xml", null), "q.xml", "<assessmentItem")),
                "qti.badXml", "q.xml");
        assertRejected(zip(Map.of("../evil.xml", "x", "imsmanifest.xml", "<manifest/>")), "qti.badPath",
                "../evil.xml");
        assertRejected(zip(Map.of("imsmanifest.xml", "<manifest/>")), "qti.noItems");
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <manifest>&x;</manifest>
                """;
        assertRejected(zip(Map.of("imsmanifest.xml", xxe)), "qti.doctype", "imsmanifest.xml");
    }

    @Test
    void refusesTooManyFilesAndTooManyBytes() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= QtiPackage.MAX_ENTRIES; i++) {
            many.put("f" + i, "");
        }
        assertRejected(zip(many), "qti.tooManyFiles");
        // Zeros pack to almost nothing: what counts is what they unpack to.
        String zeros = "0".repeat((int) QtiPackage.MAX_BYTES / 2 + 1);
        byte[] bomb = zip(Map.of("a", zeros, "b", zeros));
        assertThat(bomb.length).isLessThan(200_000);
        assertRejected(bomb, "qti.tooLarge");
    }

    @Test
    void refusesXmlNestedDeeperThanAnyItem() {
        String deep = "<div>".repeat(QtiPackage.MAX_DEPTH * 100) + "</div>".repeat(QtiPackage.MAX_DEPTH * 100);
        assertRejected(zip(Map.of("imsmanifest.xml", deep)), "qti.badXml", "imsmanifest.xml");
    }

    @Test
    void namesAnInteractionItCannotRead() {
        String item = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="h" title="Hotspot">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
                  <itemBody><hotspotInteraction responseIdentifier="RESPONSE" maxChoices="1"/></itemBody>
                </assessmentItem>
                """;
        assertRejected(zip(Map.of("imsmanifest.xml", manifest("h.xml", null), "h.xml", item)),
                "qti.unknownInteraction", "h.xml", "hotspotInteraction");
    }

    @Test
    void refusesNumericalRulesOtherThanRanges() {
        String item = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="e" title="Số">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"/>
                  <itemBody><p>Pi? <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
                  <responseProcessing><responseCondition><responseIf>
                    <equal toleranceMode="absolute" tolerance="0.01"><variable identifier="RESPONSE"/>
                      <baseValue baseType="float">3.14</baseValue></equal>
                    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
                  </responseIf></responseCondition></responseProcessing>
                </assessmentItem>
                """;
        assertRejected(zip(Map.of("imsmanifest.xml", manifest("e.xml", null), "e.xml", item)), "qti.numericalRule",
                "e.xml");
    }

    @Test
    void namesAPictureMissingFromThePackage() {
        BankQuestion pictured = new BankQuestion(1, "IU01", "Hình", "Đây là gì?", QuestionType.ESSAY, 1, List.of(),
                List.of(), List.of(), null, List.of(Media.of("x.png", "image/png", PNG)));
        Map<String, byte[]> files = unzip(QtiPackage.write(List.of(pictured)).content());
        files.keySet().removeIf(name -> name.endsWith("x.png"));
        assertRejected(zipBytes(files), "qti.missingPicture", "items/Q1/item.xml", "x.png");
    }

    private static BankQuestion withoutShortAnswerFeedback(BankQuestion q) {
        return switch (q.type()) {
            case SHORT_ANSWER -> new BankQuestion(q.line(), q.category(), q.title(), q.text(), q.type(), q.points(),
                    q.options().stream().map(o -> new Option(o.text(), o.fraction(), null)).toList(), q.ranges(),
                    q.pairs(), q.feedback(), q.media());
            default -> q;
        };
    }

    private static void assertRejected(byte[] zip, String key, Object... arguments) {
        assertThatThrownBy(() -> QtiPackage.read(zip, null)).isInstanceOfSatisfying(BankRejectedException.class,
                rejected -> assertThat(rejected.errors()).singleElement().satisfies(error -> {
                    assertThat(error.messageKey()).isEqualTo(key);
                    if (arguments.length > 0) {
                        assertThat(error.arguments()).startsWith(arguments);
                    }
                }));
    }

    private static String manifest(String href, String picture) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M">
                  <resources>
                    <resource identifier="R1" type="imsqti_item_xmlv2p1" href="%s">
                      <file href="%s"/>%s
                    </resource>
                  </resources>
                </manifest>
                """.formatted(href, href, picture == null ? "" : "<file href=\"" + picture + "\"/>");
    }

    private static byte[] zip(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes);
    }

    private static byte[] zipBytes(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return files;
    }
}
