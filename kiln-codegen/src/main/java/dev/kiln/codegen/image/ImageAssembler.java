package dev.kiln.codegen.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.kiln.codegen.KilnVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Assembles the image from scratch with Jib Core and writes it as a tarball that {@code podman load} and
 * {@code docker load} accept. No daemon and no registry are involved.
 */
final class ImageAssembler {
    private final Path layerCache;

    /**
     * Makes an assembler.
     *
     * @param layerCache Jib's cache of compressed layers, reused while a layer's files keep their path and time
     */
    ImageAssembler(Path layerCache) {
        this.layerCache = layerCache;
    }

    /**
     * Parses an image reference such as {@code blog:0.0.1-SNAPSHOT}.
     *
     * @param reference the reference
     * @return the parsed reference
     * @throws ImageInputException when it is not a valid image reference
     */
    static ImageReference reference(String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new ImageInputException("'" + reference + "' is not a valid image reference; use NAME:TAG with"
                    + " lower-case letters, digits, '.', '_' and '-', e.g. blog:1.0");
        }
    }

    /**
     * Builds the image and writes the tarball.
     *
     * @param config the image's configuration
     * @param layers its layers, in order
     * @param tarball where to write it; the file is replaced
     * @return Jib's account of the image: its digest and image id
     * @throws ImageBuildException when Jib fails
     */
    JibContainer assemble(ImageConfig config, List<FileEntriesLayer> layers, Path tarball) {
        JibContainerBuilder builder = Jib.fromScratch()
                .setFileEntriesLayers(layers)
                .setPlatforms(Set.of(new Platform(config.architecture(), "linux")))
                .setFormat(config.oci() ? ImageFormat.OCI : ImageFormat.Docker)
                .setCreationTime(config.created())
                .setEntrypoint(config.entrypoint())
                .setProgramArguments(List.of())
                .setEnvironment(config.environment())
                .setLabels(config.labels())
                .setExposedPorts(Set.of(Port.tcp(config.port())))
                .setUser(SystemFiles.user())
                .setWorkingDirectory(AbsoluteUnixPath.get(JvmOptions.APP_DIR));
        Containerizer containerizer = Containerizer.to(TarImage.at(tarball).named(reference(config.reference())))
                .setBaseImageLayersCache(layerCache.resolve("base"))
                .setApplicationLayersCache(layerCache)
                .setOfflineMode(true)
                .setToolName("kiln")
                .setToolVersion(KilnVersion.get());
        try {
            return builder.containerize(containerizer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("the image assembly was interrupted", "");
        } catch (RegistryException | IOException | CacheDirectoryCreationException | ExecutionException e) {
            throw new ImageBuildException("Jib could not assemble the image", e);
        }
    }
}
