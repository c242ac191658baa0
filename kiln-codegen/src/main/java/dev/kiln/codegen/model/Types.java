package dev.kiln.codegen.model;

import com.palantir.javapoet.ClassName;

/** The framework types generated code refers to, named once. */
public final class Types {
    private static final String JPA = "jakarta.persistence";
    private static final String VALIDATION = "jakarta.validation.constraints";
    private static final String WEB = "org.springframework.web.bind.annotation";

    /** {@code @Entity}. */
    public static final ClassName ENTITY = ClassName.get(JPA, "Entity");
    /** {@code @Table}. */
    public static final ClassName TABLE = ClassName.get(JPA, "Table");
    /** {@code @Id}. */
    public static final ClassName ID = ClassName.get(JPA, "Id");
    /** {@code @GeneratedValue}. */
    public static final ClassName GENERATED_VALUE = ClassName.get(JPA, "GeneratedValue");
    /** {@code GenerationType}. */
    public static final ClassName GENERATION_TYPE = ClassName.get(JPA, "GenerationType");
    /** {@code @Version}. */
    public static final ClassName VERSION = ClassName.get(JPA, "Version");
    /** {@code @Column}. */
    public static final ClassName COLUMN = ClassName.get(JPA, "Column");
    /** {@code @Enumerated}. */
    public static final ClassName ENUMERATED = ClassName.get(JPA, "Enumerated");
    /** {@code EnumType}. */
    public static final ClassName ENUM_TYPE = ClassName.get(JPA, "EnumType");
    /** {@code @ManyToOne}. */
    public static final ClassName MANY_TO_ONE = ClassName.get(JPA, "ManyToOne");
    /** {@code @OneToOne}. */
    public static final ClassName ONE_TO_ONE = ClassName.get(JPA, "OneToOne");
    /** {@code @ManyToMany}. */
    public static final ClassName MANY_TO_MANY = ClassName.get(JPA, "ManyToMany");
    /** {@code @JoinColumn}. */
    public static final ClassName JOIN_COLUMN = ClassName.get(JPA, "JoinColumn");
    /** {@code @JoinTable}. */
    public static final ClassName JOIN_TABLE = ClassName.get(JPA, "JoinTable");
    /** {@code FetchType}. */
    public static final ClassName FETCH_TYPE = ClassName.get(JPA, "FetchType");
    /** {@code @PrePersist}. */
    public static final ClassName PRE_PERSIST = ClassName.get(JPA, "PrePersist");
    /** {@code @PreUpdate}. */
    public static final ClassName PRE_UPDATE = ClassName.get(JPA, "PreUpdate");

    /** {@code @NotNull}. */
    public static final ClassName NOT_NULL = ClassName.get(VALIDATION, "NotNull");
    /** {@code @NotBlank}. */
    public static final ClassName NOT_BLANK = ClassName.get(VALIDATION, "NotBlank");
    /** {@code @Size}. */
    public static final ClassName SIZE = ClassName.get(VALIDATION, "Size");
    /** {@code @Min}. */
    public static final ClassName MIN = ClassName.get(VALIDATION, "Min");
    /** {@code @Max}. */
    public static final ClassName MAX = ClassName.get(VALIDATION, "Max");
    /** {@code @DecimalMin}. */
    public static final ClassName DECIMAL_MIN = ClassName.get(VALIDATION, "DecimalMin");
    /** {@code @DecimalMax}. */
    public static final ClassName DECIMAL_MAX = ClassName.get(VALIDATION, "DecimalMax");
    /** {@code @Digits}. */
    public static final ClassName DIGITS = ClassName.get(VALIDATION, "Digits");
    /** {@code @Email}. */
    public static final ClassName EMAIL = ClassName.get(VALIDATION, "Email");
    /** {@code @Pattern}. */
    public static final ClassName PATTERN = ClassName.get(VALIDATION, "Pattern");
    /** Hibernate Validator's {@code @URL}. */
    public static final ClassName URL = ClassName.get("org.hibernate.validator.constraints", "URL");
    /** {@code @Valid}. */
    public static final ClassName VALID = ClassName.get("jakarta.validation", "Valid");

    /** {@code JpaRepository}. */
    public static final ClassName JPA_REPOSITORY =
            ClassName.get("org.springframework.data.jpa.repository", "JpaRepository");
    /** {@code JpaSpecificationExecutor}. */
    public static final ClassName JPA_SPEC_EXECUTOR =
            ClassName.get("org.springframework.data.jpa.repository", "JpaSpecificationExecutor");
    /** {@code Specification}. */
    public static final ClassName SPECIFICATION = ClassName.get("org.springframework.data.jpa.domain", "Specification");
    /** {@code Pageable}. */
    public static final ClassName PAGEABLE = ClassName.get("org.springframework.data.domain", "Pageable");
    /** {@code @Service}. */
    public static final ClassName SERVICE = ClassName.get("org.springframework.stereotype", "Service");
    /** {@code @Transactional}. */
    public static final ClassName TRANSACTIONAL =
            ClassName.get("org.springframework.transaction.annotation", "Transactional");
    /** {@code @RestController}. */
    public static final ClassName REST_CONTROLLER = ClassName.get(WEB, "RestController");
    /** {@code @RequestMapping}. */
    public static final ClassName REQUEST_MAPPING = ClassName.get(WEB, "RequestMapping");
    /** {@code @GetMapping}. */
    public static final ClassName GET_MAPPING = ClassName.get(WEB, "GetMapping");
    /** {@code @PostMapping}. */
    public static final ClassName POST_MAPPING = ClassName.get(WEB, "PostMapping");
    /** {@code @PutMapping}. */
    public static final ClassName PUT_MAPPING = ClassName.get(WEB, "PutMapping");
    /** {@code @PatchMapping}. */
    public static final ClassName PATCH_MAPPING = ClassName.get(WEB, "PatchMapping");
    /** {@code @DeleteMapping}. */
    public static final ClassName DELETE_MAPPING = ClassName.get(WEB, "DeleteMapping");
    /** {@code @PathVariable}. */
    public static final ClassName PATH_VARIABLE = ClassName.get(WEB, "PathVariable");
    /** {@code @RequestBody}. */
    public static final ClassName REQUEST_BODY = ClassName.get(WEB, "RequestBody");
    /** {@code @RequestHeader}. */
    public static final ClassName REQUEST_HEADER = ClassName.get(WEB, "RequestHeader");
    /** {@code HttpHeaders}. */
    public static final ClassName HTTP_HEADERS = ClassName.get("org.springframework.http", "HttpHeaders");
    /** {@code ResponseEntity}. */
    public static final ClassName RESPONSE_ENTITY = ClassName.get("org.springframework.http", "ResponseEntity");
    /** springdoc's {@code @ParameterObject}. */
    public static final ClassName PARAMETER_OBJECT = ClassName.get("org.springdoc.core.annotations", "ParameterObject");
    /** {@code ServletUriComponentsBuilder}. */
    public static final ClassName URI_BUILDER =
            ClassName.get("org.springframework.web.servlet.support", "ServletUriComponentsBuilder");
    /** Jackson 3 {@code JsonNode}. */
    public static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");
    /** Jackson {@code @JsonProperty}. */
    public static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
    /** OpenAPI {@code @Schema}. */
    public static final ClassName SCHEMA = ClassName.get("io.swagger.v3.oas.annotations.media", "Schema");

    private Types() {}
}
