package org.civicit.lms.csv;

import java.io.Serializable;

/** What an applied file changed, by rows keyed on their code (kept by a page between requests). */
public record ImportResult(int created, int updated, int unchanged) implements Serializable {
}
