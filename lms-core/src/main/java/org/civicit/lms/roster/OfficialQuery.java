package org.civicit.lms.roster;

/**
 * Which officials a clerk means: each filter optional ({@code null}), the agency with or
 * without its subtree, {@code text} matched against name and code without regard to
 * diacritics. Used to search and to enrol in bulk.
 */
public record OfficialQuery(Level level, Sector sector, String agencyCode, boolean includeSubtree, Position position,
                            String text, Boolean active) {

    public static final int MAX_PAGE_SIZE = 500;
}
