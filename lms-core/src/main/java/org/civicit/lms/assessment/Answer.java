package org.civicit.lms.assessment;

import java.util.List;
import java.util.Map;

/**
 * An answer as a trainee sends it, in the numbers of its own view of the attempt: options
 * and matching choices are numbered from 1 in the order shown.
 */
public record Answer(List<Integer> selected, String text, Map<Integer, Integer> pairs) {

    public Answer {
        selected = selected == null ? List.of() : List.copyOf(selected);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
    }
}
