package org.civicit.lms.roster;

/**
 * The part of the agency tree a caller may see: everything, one agency's subtree, or
 * nothing. Agencies carry their ancestry as a path of ids ({@code /1/7/42/}), so a
 * subtree is a path prefix.
 */
public record Scope(Kind kind, String pathPrefix) {

    public enum Kind { ALL, SUBTREE, NONE }

    public static final Scope ALL = new Scope(Kind.ALL, null);
    public static final Scope NONE = new Scope(Kind.NONE, null);

    public static Scope subtree(Agency root) {
        return new Scope(Kind.SUBTREE, root.getPath());
    }

    public boolean covers(Agency agency) {
        return coversPath(agency.getPath());
    }

    /** Whether the agency with this path is in scope. */
    public boolean coversPath(String agencyPath) {
        return switch (kind) {
            case ALL -> true;
            case NONE -> false;
            case SUBTREE -> agencyPath.startsWith(pathPrefix);
        };
    }

    /** The LIKE pattern of the agency paths in scope, for queries. */
    public String pathPattern() {
        return switch (kind) {
            case ALL -> "/%";
            case NONE -> "";
            case SUBTREE -> pathPrefix + "%";
        };
    }
}
