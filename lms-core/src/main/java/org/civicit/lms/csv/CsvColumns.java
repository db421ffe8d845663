package org.civicit.lms.csv;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns a file may have: the required ones, then the optional ones, by header name. */
public record CsvColumns(List<String> required, List<String> optional) {

    public static CsvColumns of(List<String> required, List<String> optional) {
        return new CsvColumns(List.copyOf(required), List.copyOf(optional));
    }

    public Set<String> all() {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        return all;
    }
}
