/**
 * Deployment files of a generated project: the {@code Dockerfile}, and Kubernetes manifests under
 * {@code k8s/} whose environment is derived from the application's configuration files.
 */
@NullMarked
package dev.kiln.codegen.contributor.deploy;

import org.jspecify.annotations.NullMarked;
