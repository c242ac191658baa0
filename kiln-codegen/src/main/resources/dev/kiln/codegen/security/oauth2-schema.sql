
create table oauth2_registered_client (
    id varchar(100) not null primary key,
    client_id varchar(100) not null,
    client_id_issued_at timestamp(6) with time zone default current_timestamp not null,
    client_secret varchar(200),
    client_secret_expires_at timestamp(6) with time zone,
    client_name varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types varchar(1000) not null,
    redirect_uris varchar(1000),
    post_logout_redirect_uris varchar(1000),
    scopes varchar(1000) not null,
    client_settings varchar(2000) not null,
    token_settings varchar(2000) not null,
    constraint uk_oauth2_registered_client_client_id unique (client_id)
);

create table oauth2_authorization (
    id varchar(100) not null primary key,
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorization_grant_type varchar(100) not null,
    authorized_scopes varchar(1000),
    attributes text,
    state varchar(500),
    authorization_code_value varchar(4000),
    authorization_code_issued_at timestamp(6) with time zone,
    authorization_code_expires_at timestamp(6) with time zone,
    authorization_code_metadata text,
    access_token_value varchar(4000),
    access_token_issued_at timestamp(6) with time zone,
    access_token_expires_at timestamp(6) with time zone,
    access_token_metadata text,
    access_token_type varchar(100),
    access_token_scopes varchar(1000),
    oidc_id_token_value varchar(4000),
    oidc_id_token_issued_at timestamp(6) with time zone,
    oidc_id_token_expires_at timestamp(6) with time zone,
    oidc_id_token_metadata text,
    refresh_token_value varchar(4000),
    refresh_token_issued_at timestamp(6) with time zone,
    refresh_token_expires_at timestamp(6) with time zone,
    refresh_token_metadata text,
    user_code_value varchar(4000),
    user_code_issued_at timestamp(6) with time zone,
    user_code_expires_at timestamp(6) with time zone,
    user_code_metadata text,
    device_code_value varchar(4000),
    device_code_issued_at timestamp(6) with time zone,
    device_code_expires_at timestamp(6) with time zone,
    device_code_metadata text
);
create index ix_oauth2_authorization_state on oauth2_authorization (state);
create index ix_oauth2_authorization_code on oauth2_authorization (authorization_code_value);
create index ix_oauth2_authorization_access on oauth2_authorization (access_token_value);
create index ix_oauth2_authorization_refresh on oauth2_authorization (refresh_token_value);

create table oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorities varchar(1000) not null,
    constraint pk_oauth2_authorization_consent primary key (registered_client_id, principal_name)
);

create table auth_signing_key (
    kid varchar(64) not null primary key,
    public_jwk text not null,
    private_key text not null,
    created_at timestamp(6) with time zone not null,
    retired_at timestamp(6) with time zone
);

create table auth_revoked_token (
    jti varchar(100) not null primary key,
    expires_at timestamp(6) with time zone not null
);
