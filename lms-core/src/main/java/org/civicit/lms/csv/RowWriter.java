package org.civicit.lms.csv;

/** A table written row by row to a stream, header first: CSV or a spreadsheet. */
public interface RowWriter extends AutoCloseable {

    void row(Object... values);

    @Override
    void close();
}
