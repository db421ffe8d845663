package org.civicit.lms.csv;

/** A table written row by row to a stream, header first: CSV or a spreadsheet. */
public interface RowWriter extends AutoCloseable {

    void row(Object... values);

    /** Finishes the file. */
    @Override
    void close();

    /** Gives up on a file that cannot be finished, freeing what it holds. */
    default void abandon() {
    }
}
