package dev.kiln.rag.search;

import dev.kiln.rag.store.StoreSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Restricts a search to some documents by their metadata; applied inside the search like the access
 * filter.
 *
 * @param formats document format ids to keep ({@code html}, {@code markdown}, {@code text}, {@code pdf});
 *     empty keeps all
 * @param sourcePrefixes keep documents whose source starts with one of these; empty keeps all
 */
public record MetadataFilter(Set<String> formats, List<String> sourcePrefixes) {
    /** A filter that keeps everything. */
    public static final MetadataFilter NONE = new MetadataFilter(Set.of(), List.of());

    /** Copies the collections. */
    public MetadataFilter {
        formats = Set.copyOf(formats);
        sourcePrefixes = List.copyOf(sourcePrefixes);
    }

    /**
     * Returns the filter as a Lucene query.
     *
     * @return the query, or empty when the filter keeps everything
     */
    Optional<Query> toQuery() {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (!formats.isEmpty()) {
            BooleanQuery.Builder oneOf = new BooleanQuery.Builder();
            formats.stream()
                    .sorted()
                    .forEach(
                            f -> oneOf.add(new TermQuery(new Term(StoreSchema.FORMAT, f)), BooleanClause.Occur.SHOULD));
            all.add(oneOf.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!sourcePrefixes.isEmpty()) {
            BooleanQuery.Builder oneOf = new BooleanQuery.Builder();
            sourcePrefixes.forEach(
                    p -> oneOf.add(new PrefixQuery(new Term(StoreSchema.SOURCE, p)), BooleanClause.Occur.SHOULD));
            all.add(oneOf.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? Optional.of(all.build()) : Optional.empty();
    }
}
