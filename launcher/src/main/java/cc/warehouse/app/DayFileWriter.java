package cc.warehouse.app;

import cc.warehouse.domain.Column;
import cc.warehouse.domain.ExportFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one day of a view, row by row, to a file in one format. The file is complete only after
 * {@link RowWriter#finish()}; a writer closed before that removes what it wrote. Blocking: worker threads only.
 */
public interface DayFileWriter {

    ExportFormat format();

    /** Starts {@code file} (replacing any left over from an interrupted run) with these columns. */
    RowWriter open(Path file, List<Column> columns) throws IOException;

    interface RowWriter extends AutoCloseable {
        /** One row, values typed as {@link cc.warehouse.domain.ColumnType} says, in the columns' order. */
        void write(Object[] row) throws IOException;

        /** Completes the file. */
        void finish() throws IOException;

        /** Releases the writer; before {@link #finish()} also deletes the unfinished file. */
        @Override
        void close() throws IOException;
    }
}
