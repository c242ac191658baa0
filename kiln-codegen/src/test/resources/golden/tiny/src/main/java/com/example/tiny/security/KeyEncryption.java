package com.example.tiny.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the private parts of signing keys before they reach the database, with AES-256-GCM
 * under the key-encryption key from {@code AUTH_KEY_ENCRYPTION_KEY} (32 random bytes, Base64,
 * e.g. {@code openssl rand -base64 32}). The key id is bound as associated data, so a ciphertext
 * cannot be moved to another row.
 */
public final class KeyEncryption {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private KeyEncryption(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Reads the key-encryption key.
     *
     * @param base64 32 bytes in Base64
     * @throws IllegalStateException with instructions when the value is not 32 bytes of Base64
     */
    public static KeyEncryption fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalStateException("AUTH_KEY_ENCRYPTION_KEY must be 32 random bytes in Base64"
                    + " (create one with: openssl rand -base64 32)");
        }
        return new KeyEncryption(key);
    }

    /** A throwaway key for the dev profile. */
    public static KeyEncryption random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new KeyEncryption(key);
    }

    /** Encrypts {@code plain} for the row {@code keyId}; the result is Base64 of IV and ciphertext. */
    public String encrypt(String keyId, byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot encrypt a signing key", ex);
        }
    }

    /**
     * Decrypts what {@link #encrypt} wrote for the same key id.
     *
     * @throws GeneralSecurityException when the ciphertext was made with another key or altered
     */
    public byte[] decrypt(String keyId, String sealed) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(sealed);
        if (in.length <= IV_BYTES) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    }
}
