package org.civicit.lms.csv;

/** What an applied file changed, by rows keyed on their code. */
public record ImportResult(int created, int updated, int unchanged) {
}
