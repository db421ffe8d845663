package org.civicit.lms.roster;

import java.util.List;

/** One page of a longer list, with how many items the whole list has. */
public record Page<T>(long total, List<T> items) {
}
