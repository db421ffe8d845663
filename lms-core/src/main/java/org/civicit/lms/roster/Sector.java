package org.civicit.lms.roster;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/** The Party (Đảng) or State (chính quyền) side of the political system. */
public enum Sector implements Aliased {
    PARTY("DANG", "đảng"),
    STATE("CHINH_QUYEN", "chính quyền");

    private final List<String> aliases;

    Sector(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
