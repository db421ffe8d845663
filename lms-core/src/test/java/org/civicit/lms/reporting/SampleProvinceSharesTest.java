package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civicit.lms.certification.Validity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story the demo province tells rests on its shipped files: on 2011-12-31, 96.0 % of the
 * province's active officials, 83.0 % of the districts' and 35.0 % of the communes' held the
 * BASIC-IT certificate, rising after. Read straight from content/sample-province, so that
 * regenerating the files cannot move the figures unnoticed.
 */
class SampleProvinceSharesTest {

    private static final LocalDate ANCHOR = LocalDate.of(2011, 12, 31);

    private static Map<String, String> levelOfAgency;
    private static Map<String, String> levelOfActiveOfficial;
    private static Map<String, List<LocalDate>> basicIssued;

    @BeforeAll
    static void readFiles() throws IOException {
        Path folder = sampleProvince();
        levelOfAgency = new HashMap<>();
        read(folder.resolve("agencies.csv"), row -> levelOfAgency.put(row.get("code"), row.get("level")));
        levelOfActiveOfficial = new HashMap<>();
        read(folder.resolve("officials.csv"), row -> {
            if (Boolean.parseBoolean(row.get("active"))) {
                levelOfActiveOfficial.put(row.get("employee_code"), levelOfAgency.get(row.get("agency_code")));
            }
        });
        basicIssued = new HashMap<>();
        read(folder.resolve("certificates.csv"), row -> {
            if (row.get("programme_code").equals("BASIC-IT")) {
                assertThat(row.get("expires_on")).as("BASIC-IT never expires").isEmpty();
                basicIssued.computeIfAbsent(row.get("employee_code"), code -> new ArrayList<>())
                        .add(LocalDate.parse(row.get("issued_on")));
            }
        });
    }

    @Test
    void sharesOnTheAnchorDayAreExact() {
        assertThat(rates(ANCHOR)).containsExactly(
                Map.entry("COMMUNE", new BigDecimal("35.0")),
                Map.entry("DISTRICT", new BigDecimal("83.0")),
                Map.entry("PROVINCE", new BigDecimal("96.0")));
    }

    @Test
    void sharesRiseEveryYearAndMeetTheCommuneTargetOf2015() {
        Map<String, BigDecimal> before = rates(ANCHOR);
        for (int year = 2012; year <= 2025; year++) {
            Map<String, BigDecimal> now = rates(LocalDate.of(year, 12, 31));
            for (String level : now.keySet()) {
                assertThat(now.get(level)).as(level + " at the end of " + year).isGreaterThanOrEqualTo(before.get(level));
            }
            before = now;
        }
        Map<String, BigDecimal> end2015 = rates(LocalDate.of(2015, 12, 31));
        assertThat(end2015.get("COMMUNE")).isBetween(new BigDecimal("80.0"), new BigDecimal("82.0"));
        assertThat(end2015.get("PROVINCE")).isGreaterThanOrEqualTo(new BigDecimal("99.0"));
        assertThat(rates(LocalDate.of(2020, 12, 31)).get("COMMUNE")).isGreaterThanOrEqualTo(new BigDecimal("90.0"));
    }

    @Test
    void everyCertificateHolderIsOnTheRoster() throws IOException {
        Set<String> officials = new HashSet<>();
        read(sampleProvince().resolve("officials.csv"), row -> officials.add(row.get("employee_code")));
        assertThat(officials).containsAll(basicIssued.keySet());
    }

    /** The report's rate per level on a day, over active officials, keyed by level in name order. */
    private static Map<String, BigDecimal> rates(LocalDate day) {
        Map<String, List<String>> byLevel = levelOfActiveOfficial.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        Map<String, BigDecimal> rates = new TreeMap<>();
        byLevel.forEach((level, codes) -> {
            long certified = codes.stream().filter(code -> basicIssued.getOrDefault(code, List.of()).stream()
                    .anyMatch(issued -> Validity.validOn(day, issued, null, false))).count();
            rates.put(level, Rates.rate(certified, codes.size()));
        });
        return rates;
    }

    private static void read(Path file, Consumer<CSVRecord> row) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).forEach(row);
        }
    }

    /** The folder, found from wherever the build runs the tests (the module or the project). */
    private static Path sampleProvince() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("content/sample-province");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("content/sample-province not found above " + Path.of("").toAbsolutePath());
    }
}
