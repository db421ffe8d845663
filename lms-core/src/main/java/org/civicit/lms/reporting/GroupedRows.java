package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Function;

import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.roster.Sector;

/**
 * Adds counts per agency up into the rows of a report, for every grouping, the same way
 * for certification rates and for IT staff: which agencies a group holds, in what order
 * the groups come, and what each is called.
 */
final class GroupedRows {

    /** Active officials of one agency and how many of them count. */
    record Counts(long officials, long counted) {

        static final Counts NONE = new Counts(0, 0);
    }

    private static final class Tally {
        final String name;
        final Level level;
        long officials;
        long counted;

        Tally(String name, Level level) {
            this.name = name;
            this.level = level;
        }
    }

    private GroupedRows() {
    }

    /**
     * The rows, then {@code TOTAL}. Levels appear when they have officials in scope or a
     * target; sectors always; districts, the province's own agencies and each agency when
     * the scope holds them.
     */
    static List<ReportRow> of(AgencyTree tree, Scope scope, Grouping grouping, Slice slice,
            Function<Long, Counts> countsOfAgency, Function<Level, BigDecimal> target, Locale locale) {
        ResourceBundle names = ResourceBundle.getBundle("i18n", locale, GroupedRows.class.getClassLoader());
        Map<String, Tally> groups = switch (grouping) {
            case LEVEL, SECTOR -> seeded(grouping, slice, names);
            // Agencies and districts come in the order of their keys.
            case AGENCY, DISTRICT -> new TreeMap<>();
        };
        Tally province = new Tally(names.getString("report.group.province"), null);
        boolean provinceSeen = false;
        for (AgencyTree.Node agency : tree.nodes()) {
            AgencyTree.District district = tree.districtOf(agency);
            if (!scope.coversPath(agency.path()) || !slice.holds(agency, district)) {
                continue;
            }
            Tally tally = switch (grouping) {
                case LEVEL -> groups.get(agency.level().name());
                case SECTOR -> groups.get(agency.sector().name());
                case AGENCY -> groups.computeIfAbsent(agency.code(), code -> new Tally(agency.name(), agency.level()));
                case DISTRICT -> district == null ? province
                        : groups.computeIfAbsent(district.key(), key -> new Tally(district.name(), null));
            };
            provinceSeen |= tally == province;
            Counts counts = countsOfAgency.apply(agency.id());
            tally.officials += counts.officials();
            tally.counted += counts.counted();
        }
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((key, tally) -> {
            BigDecimal groupTarget = tally.level == null ? null : target.apply(tally.level);
            if (grouping != Grouping.LEVEL || tally.officials > 0 || groupTarget != null) {
                rows.add(ReportRow.of(key, tally.name, tally.officials, tally.counted, groupTarget));
            }
        });
        if (grouping == Grouping.DISTRICT && provinceSeen) {
            rows.add(ReportRow.of(Slice.PROVINCE_GROUP, province.name, province.officials, province.counted, null));
        }
        rows.add(ReportRow.of(ReportRow.TOTAL, names.getString("report.group.total"),
                rows.stream().mapToLong(ReportRow::officials).sum(),
                rows.stream().mapToLong(ReportRow::counted).sum(), null));
        return rows;
    }

    /** Every level or sector the slice allows, in the enum's order. */
    private static Map<String, Tally> seeded(Grouping grouping, Slice slice, ResourceBundle names) {
        Map<String, Tally> groups = new LinkedHashMap<>();
        if (grouping == Grouping.LEVEL) {
            for (Level level : Level.values()) {
                if (slice.level() == null || slice.level() == level) {
                    groups.put(level.name(), new Tally(names.getString("Level." + level.name()), level));
                }
            }
        } else {
            for (Sector sector : Sector.values()) {
                if (slice.sector() == null || slice.sector() == sector) {
                    groups.put(sector.name(), new Tally(names.getString("Sector." + sector.name()), null));
                }
            }
        }
        return groups;
    }
}
