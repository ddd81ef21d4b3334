package cc.console.domain.quality;

import java.util.List;

/** A titled group of criteria ("Opening", "Resolution"); it only orders the form, the weights are per criterion. */
public record Section(String title, List<Criterion> criteria) {
    public Section {
        title = title == null ? "" : title.strip();
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
