package com.sovera.console.chain;

/** A currency that is not offered on a network: refused, never turned into a payment of something else. */
public class UnsupportedAssetException extends IllegalArgumentException {
    public UnsupportedAssetException(String message) {
        super(message);
    }
}
