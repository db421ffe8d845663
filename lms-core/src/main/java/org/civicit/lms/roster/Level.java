package org.civicit.lms.roster;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/** The tier of government an agency belongs to, from the top down. */
public enum Level implements Aliased {
    PROVINCE("TINH", "tỉnh"),
    DISTRICT("HUYEN", "huyện"),
    COMMUNE("XA", "xã");

    private final List<String> aliases;

    Level(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    /** A child agency sits at its parent's level or below it, never above. */
    public boolean mayBeUnder(Level parent) {
        return compareTo(parent) >= 0;
    }
}
