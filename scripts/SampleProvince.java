// Writes sample data for a fictional province ("Tỉnh Sơn Lâm"): agencies.csv (Party and State bodies) and officials.csv.
// Run: java scripts/SampleProvince.java [--officials N] [--seed S] [--out DIR]   (defaults: 3000, 2026, content/sample-province)

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static java.util.Map.entry;

public class SampleProvince {

    static final String USAGE = "usage: java scripts/SampleProvince.java [--officials N] [--seed S] [--out DIR]";
    static final String PROVINCE = "Sơn Lâm";
    static final String EMAIL_DOMAIN = "sonlam.gov.vn";

    record Agency(String code, String name, String level, String sector, String parentCode,
                  int weight, int itSpecialists) {}

    /** A name syllable together with its ASCII-folded lower-case form, used for e-mail addresses. */
    record NamePart(String text, String ascii) {}

    enum DistrictKind {
        CITY("thành phố", "Thành ủy"), TOWN("thị xã", "Thị ủy"), RURAL("huyện", "Huyện ủy");

        final String title;
        final String partyCommittee;

        DistrictKind(String title, String partyCommittee) {
            this.title = title;
            this.partyCommittee = partyCommittee;
        }
    }

    record District(String name, DistrictKind kind) {}

    record Commune(String title, String name) {}

    static final List<Map.Entry<String, String>> DEPARTMENTS = List.of(
            entry("SO-NV", "Sở Nội vụ"),
            entry("SO-TTTT", "Sở Thông tin và Truyền thông"),
            entry("SO-TC", "Sở Tài chính"),
            entry("SO-KHDT", "Sở Kế hoạch và Đầu tư"),
            entry("SO-GDDT", "Sở Giáo dục và Đào tạo"),
            entry("SO-YT", "Sở Y tế"),
            entry("SO-TP", "Sở Tư pháp"),
            entry("SO-CT", "Sở Công Thương"),
            entry("SO-NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
            entry("SO-TNMT", "Sở Tài nguyên và Môi trường"),
            entry("SO-XD", "Sở Xây dựng"),
            entry("SO-GTVT", "Sở Giao thông vận tải"),
            entry("SO-LDTBXH", "Sở Lao động - Thương binh và Xã hội"),
            entry("SO-VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
            entry("SO-KHCN", "Sở Khoa học và Công nghệ"));

    static final List<Map.Entry<String, String>> PARTY_BOARDS = List.of(
            entry("BTC-TU", "Ban Tổ chức Tỉnh ủy"),
            entry("BTG-TU", "Ban Tuyên giáo Tỉnh ủy"),
            entry("BDV-TU", "Ban Dân vận Tỉnh ủy"),
            entry("VP-TU", "Văn phòng Tỉnh ủy"),
            entry("UBKT-TU", "Ủy ban Kiểm tra Tỉnh ủy"));

    /** Code prefix and name of the offices every district People's Committee has. */
    static final List<Map.Entry<String, String>> DISTRICT_OFFICES = List.of(
            entry("VP", "Văn phòng HĐND và UBND"),
            entry("PNV", "Phòng Nội vụ"),
            entry("PTCKH", "Phòng Tài chính - Kế hoạch"),
            entry("PVHTT", "Phòng Văn hóa và Thông tin"));

    static final List<District> DISTRICTS = List.of(
            new District("Sơn Lâm", DistrictKind.CITY),
            new District("Phú Thịnh", DistrictKind.TOWN),
            new District("Yên Hòa", DistrictKind.RURAL),
            new District("Lâm Xuyên", DistrictKind.RURAL),
            new District("Bạch Thủy", DistrictKind.RURAL),
            new District("Kim Phong", DistrictKind.RURAL),
            new District("Thượng An", DistrictKind.RURAL),
            new District("Hà Khê", DistrictKind.RURAL));

    // Commune names are two Sino-Vietnamese syllables, the way most real ones are formed.
    static final String[] PLACE_FIRST = {"Tân", "Phú", "Hòa", "An", "Bình", "Đông", "Tây", "Nam", "Bắc", "Trung",
            "Hưng", "Long", "Vĩnh", "Quang", "Minh", "Thanh", "Xuân", "Thượng", "Kim", "Ngọc", "Đại", "Phúc",
            "Thái", "Mỹ", "Yên", "Cẩm", "Hồng", "Văn", "Đồng", "Lạc"};
    static final String[] PLACE_SECOND = {"Lập", "Thịnh", "Hòa", "Phong", "Sơn", "Lâm", "Hưng", "Phú", "Yên", "Lợi",
            "Tiến", "Thành", "Khê", "Lộc", "Quang", "Hà", "Xuân", "Mỹ", "Bình", "An", "Thủy", "Phúc", "Trung",
            "Đức", "Lương", "Tân", "Nghĩa", "Kiều", "Cường", "Điền"};

    /** Family names in per mille, roughly the national distribution (Nguyễn ≈ 38 %). */
    static final List<Map.Entry<String, Integer>> FAMILY_NAMES = List.of(
            entry("Nguyễn", 380), entry("Trần", 115), entry("Lê", 100), entry("Phạm", 75), entry("Hoàng", 55),
            entry("Phan", 45), entry("Vũ", 25), entry("Võ", 15), entry("Huỳnh", 15), entry("Đặng", 21),
            entry("Bùi", 20), entry("Đỗ", 14), entry("Hồ", 13), entry("Ngô", 13), entry("Dương", 10),
            entry("Đinh", 10), entry("Trịnh", 8), entry("Trương", 8), entry("Lý", 5), entry("Mai", 6),
            entry("Đào", 6), entry("Lương", 6), entry("Hà", 6), entry("Cao", 5), entry("Lâm", 4), entry("Tạ", 3),
            entry("Chu", 3), entry("Lò", 2), entry("Lưu", 2));

    static final NamePart VAN = part("Văn");
    static final NamePart THI = part("Thị");
    static final NamePart[] MALE_MIDDLE = parts("Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Công", "Xuân",
            "Đình", "Tiến", "Quang", "Trọng");
    static final NamePart[] FEMALE_MIDDLE = parts("Ngọc", "Thu", "Hồng", "Thanh", "Minh", "Phương", "Kim",
            "Thùy", "Bích", "Mai", "Diệu");
    static final NamePart[] MALE_GIVEN = parts("An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Hải",
            "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc",
            "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm",
            "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ");
    static final NamePart[] FEMALE_GIVEN = parts("Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang",
            "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan",
            "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Thơ", "Thu",
            "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Xuân", "Yến");

    public static void main(String[] args) throws IOException {
        // The source launcher decodes this file with the platform charset; a non-UTF-8 locale would garble every name.
        if (!"Đ".equals("\u0110")) {
            fail("this source was not read as UTF-8; run it as: java -Dfile.encoding=UTF-8 scripts/SampleProvince.java ...");
        }
        int officials = 3000;
        long seed = 2026;
        Path out = Path.of("content/sample-province");
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) fail(USAGE);
                switch (args[i]) {
                    case "--officials" -> officials = Integer.parseInt(args[i + 1]);
                    case "--seed" -> seed = Long.parseLong(args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    default -> fail(USAGE);
                }
            }
        } catch (NumberFormatException e) {
            fail(USAGE);
        }
        if (officials < 0) fail(USAGE);

        // Agencies draw from the generator first, so the same seed gives the same agencies whatever N is.
        Random random = new Random(seed);
        List<Agency> agencies = buildAgencies(random);
        Files.createDirectories(out);
        writeAgencies(out.resolve("agencies.csv"), agencies);
        writeOfficials(out.resolve("officials.csv"), agencies, officials, random);
        System.out.printf("wrote %d agencies and %d officials to %s%n", agencies.size(), officials, out);
    }

    // ---- agencies ----

    /** Collects agencies in file order and checks code format, uniqueness and parents-first while doing so. */
    static final class AgencyList {
        final List<Agency> rows = new ArrayList<>();
        private final Set<String> codes = new HashSet<>();

        void add(String code, String name, String level, String sector, String parentCode, int weight, int itSpecialists) {
            if (!parentCode.isEmpty() && !codes.contains(parentCode)) {
                throw new IllegalStateException("parent " + parentCode + " of " + code + " is not listed earlier");
            }
            if (!code.matches("[A-Z0-9-]{1,40}") || !codes.add(code)) {
                throw new IllegalStateException("invalid or duplicate agency code " + code);
            }
            rows.add(new Agency(code, name, level, sector, parentCode, weight, itSpecialists));
        }
    }

    /** Weights are the officials per agency at N ≈ 3000; writeOfficials scales them to the requested total. */
    static List<Agency> buildAgencies(Random random) {
        AgencyList list = new AgencyList();
        list.add("UBND-TINH", "Ủy ban nhân dân tỉnh " + PROVINCE, "PROVINCE", "STATE", "", between(random, 40, 60), 0);
        list.add("TU-TINH", "Tỉnh ủy " + PROVINCE, "PROVINCE", "PARTY", "", between(random, 20, 40), 0);
        for (var department : DEPARTMENTS) {
            list.add(department.getKey(), department.getValue(), "PROVINCE", "STATE", "UBND-TINH", between(random, 20, 60), 1);
        }
        for (var board : PARTY_BOARDS) {
            list.add(board.getKey(), board.getValue(), "PROVINCE", "PARTY", "TU-TINH", between(random, 10, 25), 0);
        }
        for (District district : DISTRICTS) {
            String code = asciiCode(district.name());
            String title = district.kind().title + " " + district.name();
            String committee = "UBND-" + code;
            String partyCommittee = "HU-" + code;
            list.add(committee, "Ủy ban nhân dân " + title, "DISTRICT", "STATE", "UBND-TINH", between(random, 15, 30), 1);
            list.add(partyCommittee, district.kind().partyCommittee + " " + district.name(), "DISTRICT", "PARTY", "TU-TINH",
                    between(random, 10, 20), 0);
            for (var office : DISTRICT_OFFICES) {
                list.add(office.getKey() + "-" + code, office.getValue() + " " + title, "DISTRICT", "STATE", committee,
                        between(random, 8, 20), 0);
            }
            for (Commune commune : communes(random, district)) {
                String communeCode = code + "-" + asciiCode(commune.name());
                String communeTitle = commune.title() + " " + commune.name();
                int itSpecialists = random.nextInt(5) == 0 ? 1 : 0;
                list.add("UBND-" + communeCode, "Ủy ban nhân dân " + communeTitle, "COMMUNE", "STATE", committee,
                        between(random, 3, 12), itSpecialists);
                list.add("DU-" + communeCode, "Đảng ủy " + communeTitle, "COMMUNE", "PARTY", partyCommittee,
                        between(random, 3, 12), 0);
            }
        }
        return list.rows;
    }

    /** 8–14 units: a city is mostly wards, a town half wards, a rural district has its namesake township plus communes. */
    static List<Commune> communes(Random random, District district) {
        int count = between(random, 8, 14);
        int wards = switch (district.kind()) {
            case CITY -> count * 3 / 4;
            case TOWN -> count / 2;
            case RURAL -> 0;
        };
        List<Commune> communes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (district.kind() == DistrictKind.RURAL) {
            communes.add(new Commune("thị trấn", district.name()));
            used.add(district.name());
        }
        while (communes.size() < count) {
            String first = pick(random, PLACE_FIRST);
            String second = pick(random, PLACE_SECOND);
            if (!first.equals(second) && used.add(first + " " + second)) {
                communes.add(new Commune(communes.size() < wards ? "phường" : "xã", first + " " + second));
            }
        }
        return communes;
    }

    static void writeAgencies(Path file, List<Agency> agencies) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(out, "code", "name", "level", "sector", "parent_code");
            for (Agency agency : agencies) {
                writeRow(out, agency.code(), agency.name(), agency.level(), agency.sector(), agency.parentCode());
            }
        }
    }

    // ---- officials ----

    /** Streams the rows so memory stays flat for millions of officials. */
    static void writeOfficials(Path file, List<Agency> agencies, int total, Random random) throws IOException {
        long totalWeight = agencies.stream().mapToLong(Agency::weight).sum();
        int codeDigits = Math.max(6, Integer.toString(total).length());
        int[] familyCumulative = cumulativeWeights();
        NamePart[] familyNames = FAMILY_NAMES.stream().map(e -> part(e.getKey())).toArray(NamePart[]::new);
        long cumulativeWeight = 0;
        long assigned = 0;
        int serial = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(out, "employee_code", "full_name", "agency_code", "position", "email", "it_degree", "active");
            for (Agency agency : agencies) {
                // Rounding the running total (not each share) makes the counts add up to exactly `total`.
                cumulativeWeight += agency.weight();
                long assignedAfter = cumulativeWeight * total / totalWeight;
                int count = (int) (assignedAfter - assigned);
                assigned = assignedAfter;
                int leaders = Math.min(between(random, 1, 3), (count + 1) / 2);
                int specialists = Math.min(agency.itSpecialists(), count - leaders);
                for (int i = 0; i < count; i++) {
                    String position = i < leaders ? "LEADER" : i < leaders + specialists ? "IT_SPECIALIST" : "STAFF";
                    String code = "CB" + zeroPad(++serial, codeDigits);
                    boolean female = random.nextBoolean();
                    NamePart family = familyNames[weightedIndex(random, familyCumulative)];
                    NamePart middle = female
                            ? (random.nextInt(2) == 0 ? THI : pick(random, FEMALE_MIDDLE))
                            : (random.nextInt(5) < 2 ? VAN : pick(random, MALE_MIDDLE));
                    NamePart given;
                    do {
                        given = pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
                    } while (given.text().equals(middle.text())); // "Minh Minh" does not occur
                    String email = random.nextInt(10) == 0 ? ""
                            : family.ascii() + middle.ascii() + given.ascii() + "." + code.toLowerCase(Locale.ROOT)
                              + "@" + EMAIL_DOMAIN;
                    writeRow(out, code, family.text() + " " + middle.text() + " " + given.text(), agency.code(), position,
                            email, itDegree(random, position.equals("IT_SPECIALIST")),
                            random.nextInt(100) < 97 ? "true" : "false");
                }
            }
        }
    }

    static String itDegree(Random random, boolean specialist) {
        int roll = random.nextInt(100);
        if (specialist) {
            return roll < 15 ? "VOCATIONAL" : roll < 40 ? "COLLEGE" : roll < 90 ? "UNIVERSITY" : "POSTGRADUATE";
        }
        return roll < 88 ? "NONE" : roll < 92 ? "COLLEGE" : "UNIVERSITY";
    }

    static int[] cumulativeWeights() {
        int[] cumulative = new int[FAMILY_NAMES.size()];
        int sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += FAMILY_NAMES.get(i).getValue();
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** Linear scan is fine: the list is short and the heaviest name comes first. */
    static int weightedIndex(Random random, int[] cumulative) {
        int roll = random.nextInt(cumulative[cumulative.length - 1]);
        int i = 0;
        while (roll >= cumulative[i]) i++;
        return i;
    }

    // ---- helpers ----

    static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static NamePart part(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return new NamePart(nfc, fold(nfc).toLowerCase(Locale.ROOT));
    }

    static NamePart[] parts(String... texts) {
        NamePart[] result = new NamePart[texts.length];
        for (int i = 0; i < texts.length; i++) result[i] = part(texts[i]);
        return result;
    }

    /** Strips Vietnamese diacritics; đ has no decomposition, so it is mapped by hand. */
    static String fold(String text) {
        String withoutMarks = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutMarks.replace("đ", "d").replace("Đ", "D");
    }

    static String asciiCode(String name) {
        return fold(name).toUpperCase(Locale.ROOT).replace(' ', '-');
    }

    static String zeroPad(int number, int digits) {
        String text = Integer.toString(number);
        return "0".repeat(digits - text.length()) + text;
    }

    static void writeRow(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) out.write(',');
            out.write(csvField(fields[i]));
        }
        out.write('\n');
    }

    /** RFC 4180: quote only fields containing a comma, quote or line break, doubling inner quotes. */
    static String csvField(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
