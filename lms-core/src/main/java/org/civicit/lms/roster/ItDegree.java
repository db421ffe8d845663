package org.civicit.lms.roster;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/** The highest IT qualification an official holds. */
public enum ItDegree implements Aliased {
    NONE("KHONG", "không"),
    VOCATIONAL("TRUNG_CAP", "trung cấp"),
    COLLEGE("CAO_DANG", "cao đẳng"),
    UNIVERSITY("DAI_HOC", "đại học"),
    POSTGRADUATE("SAU_DAI_HOC", "sau đại học");

    private final List<String> aliases;

    ItDegree(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** Whether it counts as an IT degree in the province's report on its IT staff: college or above. */
    public boolean isDegree() {
        return compareTo(COLLEGE) >= 0;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
