package org.civicit.lms.reporting;

import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Sector;

/**
 * The part of a report a drill-down looks at: agencies of one level, one sector, one
 * district (its key as the district report shows it, {@code PROVINCE} for the agencies in
 * no district), or any combination; each {@code null} for all.
 */
public record Slice(Level level, Sector sector, String district) {

    public static final Slice ALL = new Slice(null, null, null);

    /** The key of the district group that holds the province's own agencies. */
    public static final String PROVINCE_GROUP = Level.PROVINCE.name();

    boolean holds(AgencyTree.Node agency, AgencyTree.District districtOfAgency) {
        return (level == null || agency.level() == level)
                && (sector == null || agency.sector() == sector)
                && (district == null || district.equals(districtOfAgency == null ? PROVINCE_GROUP
                        : districtOfAgency.key()));
    }
}
