/// APIServerCore: the embedded API server's storage and REST semantics, without HTTP.
public enum APIServerCoreModule {}
