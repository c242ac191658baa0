package dev.kiln.intent.internal.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models, loaded once from the class path on first use.
 *
 * <p>Each Maven Central model jar ({@code org.apache.opennlp:opennlp-models-*-en}) holds one {@code .bin}
 * file at its root and a {@code model.properties} naming it; the models are found through those
 * properties, so a newer model jar needs no code change. Loading takes about half a second; the
 * thread-safe OpenNLP wrappers then give each thread its own decoder over the shared models.
 */
final class EnglishModels {
    /** The loaded pipeline; the holder idiom makes loading lazy and thread-safe. */
    private static final class Holder {
        static final Pipeline PIPELINE = load();
    }

    /**
     * The four analysers.
     *
     * @param sentences the sentence detector
     * @param tokenizer the tokenizer
     * @param tagger the part-of-speech tagger (Universal Dependencies tags)
     * @param lemmatizer the lemmatizer
     */
    record Pipeline(
            ThreadSafeSentenceDetectorME sentences,
            ThreadSafeTokenizerME tokenizer,
            ThreadSafePOSTaggerME tagger,
            ThreadSafeLemmatizerME lemmatizer) {}

    private EnglishModels() {}

    static Pipeline pipeline() {
        return Holder.PIPELINE;
    }

    private static Pipeline load() {
        List<String> names = modelNames();
        try {
            return new Pipeline(
                    new ThreadSafeSentenceDetectorME(new SentenceModel(open(names, "-sentence-"))),
                    new ThreadSafeTokenizerME(new TokenizerModel(open(names, "-tokens-"))),
                    new ThreadSafePOSTaggerME(new POSModel(open(names, "-pos-"))),
                    new ThreadSafeLemmatizerME(new LemmatizerModel(open(names, "-lemmas-"))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an OpenNLP model from the class path: " + e.getMessage(), e);
        }
    }

    private static List<String> modelNames() {
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader().getResources("model.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("model.name", "");
                if (name.startsWith("opennlp-en-") && name.endsWith(".bin")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list OpenNLP models on the class path: " + e.getMessage(), e);
        }
        // A shaded jar keeps only one of the model jars' root model.properties, so also look for the
        // models of the version Kiln is built with by name.
        for (String known : KNOWN_MODELS) {
            if (!names.contains(known) && loader().getResource(known) != null) {
                names.add(known);
            }
        }
        Collections.sort(names);
        return names;
    }

    private static final List<String> KNOWN_MODELS = List.of(
            "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
            "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin",
            "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin",
            "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin");

    private static InputStream open(List<String> names, String kind) {
        String name = names.stream()
                .filter(n -> n.contains(kind))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no English OpenNLP model with '" + kind
                        + "' in its name on the class path; add org.apache.opennlp:opennlp-models-*-en"));
        InputStream in = loader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("model.properties names " + name + " but the class path lacks it");
        }
        return in;
    }

    private static ClassLoader loader() {
        return EnglishModels.class.getClassLoader();
    }
}
