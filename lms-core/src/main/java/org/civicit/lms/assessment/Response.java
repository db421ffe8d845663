package org.civicit.lms.assessment;

import java.util.List;
import java.util.Map;

/**
 * What a trainee answered, in the bank's own terms: options by their place in the bank
 * (from 0), matching as item place to choice place. A trainee's view numbers options in
 * its own shuffled order; {@link Presentation} translates.
 */
public record Response(List<Integer> selected, String text, Map<Integer, Integer> pairs) {

    public static final Response NONE = new Response(List.of(), null, Map.of());
}
