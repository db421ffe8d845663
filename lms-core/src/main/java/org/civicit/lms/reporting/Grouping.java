package org.civicit.lms.reporting;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/** How the certification report groups officials. */
public enum Grouping implements Aliased {
    /** Province, district, commune: the rows the province's targets are set for. */
    LEVEL("cap", "cấp"),
    /** Party and State. */
    SECTOR("khoi", "khối"),
    /** Each agency on its own. */
    AGENCY("co_quan", "cơ quan"),
    /** Each district with everything under it, its communes included. */
    DISTRICT("huyen", "huyện");

    private final List<String> aliases;

    Grouping(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
