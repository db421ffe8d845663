// Writes sample data for a fictional province ("Tỉnh Sơn Lâm"): agencies.csv (Party and State bodies), officials.csv,
// and the province's training history before the application: certificates.csv and targets.csv.
// Run: java scripts/SampleProvince.java [--officials N] [--seed S] [--out DIR]   (defaults: 3000, 2026, content/sample-province)

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Map.entry;

public class SampleProvince {

    static final String USAGE = "usage: java scripts/SampleProvince.java [--officials N] [--seed S] [--out DIR]";
    static final String PROVINCE = "Sơn Lâm";
    static final String EMAIL_DOMAIN = "sonlam.gov.vn";
    static final String ROOT = "TINH";

    /** {@code area} is the district an agency serves, written only where a district's own tree starts. */
    record Agency(String code, String name, String level, String sector, String parentCode, String area,
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
        Staff staff = writeOfficials(out.resolve("officials.csv"), agencies, officials, random);
        // The history has a generator of its own, so that changing it never changes the roster.
        Random history = new Random(seed + 1);
        Set<String> left = pinnableShares(staff, history);
        if (!left.isEmpty()) {
            markLeft(out.resolve("officials.csv"), left);
        }
        int certificates = writeCertificates(out.resolve("certificates.csv"), staff, history);
        writeTargets(out.resolve("targets.csv"));
        System.out.printf("wrote %d agencies, %d officials and %d certificates to %s%n", agencies.size(), officials,
                certificates, out);
    }

    // ---- agencies ----

    /** Collects agencies in file order and checks code format, uniqueness and parents-first while doing so. */
    static final class AgencyList {
        final List<Agency> rows = new ArrayList<>();
        private final Set<String> codes = new HashSet<>();

        void add(String code, String name, String level, String sector, String parentCode, int weight, int itSpecialists) {
            add(code, name, level, sector, parentCode, "", weight, itSpecialists);
        }

        void add(String code, String name, String level, String sector, String parentCode, String area, int weight,
                int itSpecialists) {
            if (!parentCode.isEmpty() && !codes.contains(parentCode)) {
                throw new IllegalStateException("parent " + parentCode + " of " + code + " is not listed earlier");
            }
            if (!code.matches("[A-Z0-9-]{1,40}") || !codes.add(code)) {
                throw new IllegalStateException("invalid or duplicate agency code " + code);
            }
            rows.add(new Agency(code, name, level, sector, parentCode, area, weight, itSpecialists));
        }
    }

    /** Weights are the officials per agency at N ≈ 3000; writeOfficials scales them to the requested total. */
    static List<Agency> buildAgencies(Random random) {
        AgencyList list = new AgencyList();
        // One root, so that an HR account of the whole province can be attached to one agency. It has no staff
        // of its own (weight 0) and draws nothing from the generator, so the officials stay those of earlier runs.
        list.add(ROOT, "Tỉnh " + PROVINCE, "PROVINCE", "STATE", "", 0, 0);
        list.add("UBND-TINH", "Ủy ban nhân dân tỉnh " + PROVINCE, "PROVINCE", "STATE", ROOT, between(random, 40, 60), 0);
        list.add("TU-TINH", "Tỉnh ủy " + PROVINCE, "PROVINCE", "PARTY", ROOT, between(random, 20, 40), 0);
        for (var department : DEPARTMENTS) {
            list.add(department.getKey(), department.getValue(), "PROVINCE", "STATE", "UBND-TINH", between(random, 20, 60), 1);
        }
        for (var board : PARTY_BOARDS) {
            list.add(board.getKey(), board.getValue(), "PROVINCE", "PARTY", "TU-TINH", between(random, 10, 25), 0);
        }
        for (District district : DISTRICTS) {
            String code = asciiCode(district.name());
            String title = district.kind().title + " " + district.name();
            String area = capitalise(title);
            String committee = "UBND-" + code;
            String partyCommittee = "HU-" + code;
            list.add(committee, "Ủy ban nhân dân " + title, "DISTRICT", "STATE", "UBND-TINH", area,
                    between(random, 15, 30), 1);
            list.add(partyCommittee, district.kind().partyCommittee + " " + district.name(), "DISTRICT", "PARTY", "TU-TINH",
                    area, between(random, 10, 20), 0);
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
            writeRow(out, "code", "name", "level", "sector", "parent_code", "area");
            for (Agency agency : agencies) {
                writeRow(out, agency.code(), agency.name(), agency.level(), agency.sector(), agency.parentCode(),
                        agency.area());
            }
        }
    }

    // ---- officials ----

    /** What the history needs of each official, by serial number less one: a few bytes each, for millions of rows. */
    record Staff(int codeDigits, byte[] level, byte[] position, boolean[] active) {

        int size() {
            return active.length;
        }

        String code(int index) {
            return "CB" + zeroPad(index + 1, codeDigits);
        }
    }

    static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "COMMUNE");
    static final List<String> POSITIONS = List.of("LEADER", "IT_SPECIALIST", "STAFF");

    /** Streams the rows so memory stays flat for millions of officials. */
    static Staff writeOfficials(Path file, List<Agency> agencies, int total, Random random) throws IOException {
        long totalWeight = agencies.stream().mapToLong(Agency::weight).sum();
        int codeDigits = Math.max(6, Integer.toString(total).length());
        int[] familyCumulative = cumulativeWeights();
        NamePart[] familyNames = FAMILY_NAMES.stream().map(e -> part(e.getKey())).toArray(NamePart[]::new);
        long cumulativeWeight = 0;
        long assigned = 0;
        int serial = 0;
        Staff staff = new Staff(codeDigits, new byte[total], new byte[total], new boolean[total]);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(out, "employee_code", "full_name", "agency_code", "position", "email", "it_degree", "active");
            for (Agency agency : agencies) {
                if (agency.weight() == 0) {
                    continue; // an umbrella with no staff of its own
                }
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
                    String degree = itDegree(random, position.equals("IT_SPECIALIST"));
                    boolean active = random.nextInt(100) < 97;
                    writeRow(out, code, family.text() + " " + middle.text() + " " + given.text(), agency.code(), position,
                            email, degree, active ? "true" : "false");
                    staff.level()[serial - 1] = (byte) LEVELS.indexOf(agency.level());
                    staff.position()[serial - 1] = (byte) POSITIONS.indexOf(position);
                    staff.active()[serial - 1] = active;
                }
            }
        }
        return staff;
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

    // ---- history: certificates from before the application, and targets ----

    /** The day the BASIC-IT shares are pinned to exactly, per level (the province's first report). */
    static final LocalDate ANCHOR = LocalDate.of(2011, 12, 31);
    static final int FIRST_YEAR = 2009;
    /** The history stops here, before the application took over issuing certificates. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

    /**
     * Share of active officials certified in BASIC-IT at the end of each year from 2009, per level
     * (the 2011 entry is the anchor, met exactly); the 2026 entry is the end of the history.
     */
    static final Map<String, double[]> BASIC_IT_SHARES = Map.of(
            //                 2009  2010  2011  2012  2013  2014  2015  2016  2017  2018  2019  2020  2021  2022  2023  2024  2025  2026
            "PROVINCE", new double[] {58.0, 84.0, 96.0, 97.4, 98.3, 99.0, 99.5, 99.6, 99.7, 99.7, 99.8, 99.8, 99.8, 99.9, 99.9, 99.9, 99.9, 100.0},
            "DISTRICT", new double[] {42.0, 66.0, 83.0, 88.5, 92.4, 95.1, 97.3, 98.2, 98.8, 99.1, 99.3, 99.5, 99.6, 99.7, 99.7, 99.8, 99.8, 99.8},
            "COMMUNE", new double[] {9.0, 21.0, 35.0, 49.5, 62.0, 71.8, 80.6, 84.2, 86.9, 88.7, 89.9, 90.8, 91.7, 92.5, 93.3, 94.0, 95.1, 95.6});
    static final int CIO_LEADERS = 70;
    static final int CIO_RENEWALS = 12;
    static final int ITS_TRAININGS = 150;

    /**
     * Writes the certificate history: BASIC-IT for nearly everyone (never expiring), CIO for some leaders (the
     * import applies the programme's validity), several IT-SPECIALIST trainings for the IT staff.
     *
     * @return how many certificates were written
     */
    static int writeCertificates(Path file, Staff staff, Random random) throws IOException {
        int written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(out, "employee_code", "programme_code", "issued_on", "certificate_no", "expires_on");
            for (int level = 0; level < LEVELS.size(); level++) {
                List<Integer> active = new ArrayList<>();
                List<Integer> inactive = new ArrayList<>();
                for (int i = 0; i < staff.size(); i++) {
                    if (staff.level()[i] == level) {
                        (staff.active()[i] ? active : inactive).add(i);
                    }
                }
                Collections.shuffle(active, random);
                double[] shares = BASIC_IT_SHARES.get(LEVELS.get(level));
                int done = 0;
                for (int y = 0; y < shares.length; y++) {
                    int year = FIRST_YEAR + y;
                    int reached = year == ANCHOR.getYear() ? exactCount(shares[y], active.size())
                            : (int) Math.round(shares[y] * active.size() / 100);
                    for (; done < Math.max(done, reached); done++) {
                        written += certificate(out, staff.code(active.get(done)), "BASIC-IT", dayIn(random, year));
                    }
                }
                // Most of those who have left had their certificate too; they count in no share.
                for (int i : inactive) {
                    if (random.nextInt(100) < 70) {
                        written += certificate(out, staff.code(i), "BASIC-IT", dayIn(random, between(random, 2009, 2016)));
                    }
                }
            }
            List<Integer> leaders = holders(staff, "LEADER");
            Collections.shuffle(leaders, random);
            for (int n = 0; n < Math.min(CIO_LEADERS, leaders.size()); n++) {
                // The CIO programme started in 2012; a renewal is the course taken again when the five years ran out.
                LocalDate first = dayIn(random, between(random, 2012, 2025));
                written += certificate(out, staff.code(leaders.get(n)), "CIO", first);
                LocalDate renewal = first.plusYears(5).minusDays(between(random, 0, 60));
                if (n < CIO_RENEWALS && !renewal.isAfter(LAST_DAY)) {
                    written += certificate(out, staff.code(leaders.get(n)), "CIO", renewal);
                }
            }
            List<Integer> specialists = holders(staff, "IT_SPECIALIST");
            Collections.shuffle(specialists, random);
            int trainings = 0;
            for (int n = 0; n < specialists.size() && trainings < ITS_TRAININGS; n++) {
                List<Integer> years = new ArrayList<>();
                for (int year = 2014; year <= LAST_DAY.getYear(); year++) {
                    years.add(year);
                }
                Collections.shuffle(years, random);
                int count = Math.min(between(random, 2, 5), ITS_TRAININGS - trainings);
                List<Integer> chosen = new ArrayList<>(years.subList(0, count));
                Collections.sort(chosen);
                for (int year : chosen) {
                    written += certificate(out, staff.code(specialists.get(n)), "IT-SPECIALIST", dayIn(random, year));
                }
                trainings += count;
            }
        }
        return written;
    }

    /**
     * A level with fewer than 1,000 active officials may have no count whose rate rounds to exactly its anchor
     * share (732 officials give 82.9 % or 83.1 %, never 83.0 %). There, as few officials as needed are marked as
     * having left, at random, until one does.
     *
     * @return the employee codes of the officials marked as having left
     */
    static Set<String> pinnableShares(Staff staff, Random random) {
        Set<String> left = new TreeSet<>();
        for (int level = 0; level < LEVELS.size(); level++) {
            double share = BASIC_IT_SHARES.get(LEVELS.get(level))[ANCHOR.getYear() - FIRST_YEAR];
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < staff.size(); i++) {
                if (staff.level()[i] == level && staff.active()[i]) {
                    active.add(i);
                }
            }
            while (!active.isEmpty() && exactCountOrMinus(share, active.size()) < 0) {
                int leaving = active.remove(random.nextInt(active.size()));
                staff.active()[leaving] = false;
                left.add(staff.code(leaving));
            }
        }
        return left;
    }

    /** Rewrites the roster with these officials inactive, line by line, so memory stays flat. */
    static void markLeft(Path officials, Set<String> left) throws IOException {
        Path rewritten = officials.resolveSibling(officials.getFileName() + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(officials, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(rewritten, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // Codes never need quoting and "active" is the last column.
                if (left.contains(line.substring(0, line.indexOf(','))) && line.endsWith(",true")) {
                    line = line.substring(0, line.length() - "true".length()) + "false";
                }
                out.write(line);
                out.write('\n');
            }
        }
        Files.move(rewritten, officials, StandardCopyOption.REPLACE_EXISTING);
    }

    static List<Integer> holders(Staff staff, String position) {
        List<Integer> holders = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            if (staff.position()[i] == POSITIONS.indexOf(position)) {
                holders.add(i);
            }
        }
        return holders;
    }

    /**
     * The number of certified officials out of {@code officials} whose rate, rounded half-up to one decimal as
     * the report does, is exactly {@code percent}; the one nearest the exact share when several are.
     */
    static int exactCount(double percent, int officials) {
        int count = exactCountOrMinus(percent, officials);
        if (count < 0) {
            throw new IllegalStateException("no count of " + officials + " officials gives exactly " + percent + " %");
        }
        return count;
    }

    /** {@link #exactCount}, or -1 when no count gives the share. */
    static int exactCountOrMinus(double percent, int officials) {
        BigDecimal wanted = BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
        int nearest = (int) Math.round(percent * officials / 100);
        for (int step = 0; step <= officials; step++) {
            for (int candidate : new int[] {nearest - step, nearest + step}) {
                if (candidate >= 0 && candidate <= officials && rate(candidate, officials).compareTo(wanted) == 0) {
                    return candidate;
                }
            }
        }
        return -1;
    }

    /** The report's rate: 100 × certified / officials, rounded half-up to one decimal. */
    static BigDecimal rate(int certified, int officials) {
        return officials == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(100L * certified).divide(BigDecimal.valueOf(officials), 1, RoundingMode.HALF_UP);
    }

    /** A working day's date in the year, never after the end of the history. */
    static LocalDate dayIn(Random random, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = year == LAST_DAY.getYear() ? LAST_DAY : LocalDate.of(year, 12, 31);
        LocalDate day = start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay()) + 1));
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.getDayOfYear() > 2 ? day.minusDays(2) : day.plusDays(1);
            default -> day;
        };
    }

    static int certificate(Writer out, String employeeCode, String programme, LocalDate issuedOn) throws IOException {
        writeRow(out, employeeCode, programme, issuedOn.toString(), "", "");
        return 1;
    }

    /** The province's BASIC-IT targets, raised every five years. */
    static void writeTargets(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(out, "programme_code", "level", "target_percent", "due_on");
            String[][] targets = {
                    {"2015-12-31", "100", "100", "80"},
                    {"2020-12-31", "100", "100", "90"},
                    {"2025-12-31", "100", "100", "95"},
                    {"2030-12-31", "100", "100", "100"}};
            for (String[] target : targets) {
                for (int level = 0; level < LEVELS.size(); level++) {
                    writeRow(out, "BASIC-IT", LEVELS.get(level), target[level + 1], target[0]);
                }
            }
        }
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

    static String capitalise(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
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
