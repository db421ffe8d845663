package org.civicit.lms.roster;

import java.util.Set;

/**
 * Which officials a clerk means: each filter optional ({@code null}), the agency with or
 * without its subtree, {@code text} matched against name and code without regard to
 * diacritics, {@code employeeCodes} a list chosen elsewhere (such as those a report shows
 * not yet certified). Used to search and to enrol in bulk.
 */
public record OfficialQuery(Level level, Sector sector, String agencyCode, boolean includeSubtree, Position position,
                            String text, Boolean active, Set<String> employeeCodes) {

    public static final int MAX_PAGE_SIZE = 500;

    public OfficialQuery(Level level, Sector sector, String agencyCode, boolean includeSubtree, Position position,
            String text, Boolean active) {
        this(level, sector, agencyCode, includeSubtree, position, text, active, null);
    }
}
