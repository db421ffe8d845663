package org.civicit.lms.roster;

/**
 * A search of the officials a clerk would type: each filter optional ({@code null}),
 * {@code text} matched against name and code without regard to diacritics.
 * Pages are numbered from 1.
 */
public record OfficialQuery(Level level, String agencyCode, boolean includeSubtree, Position position,
                            String text, Boolean active, int page, int size) {

    public static final int MAX_SIZE = 500;
}
