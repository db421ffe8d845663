package org.civicit.lms.roster;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/** What an official does in an agency; it decides which programmes admit them. */
public enum Position implements Aliased {
    LEADER("LANH_DAO", "lãnh đạo"),
    IT_SPECIALIST("CHUYEN_TRACH_CNTT", "chuyên trách CNTT"),
    STAFF("CONG_CHUC", "công chức");

    private final List<String> aliases;

    Position(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
