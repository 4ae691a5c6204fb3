/// SwiftFluxTesting: test support (an in-process API server on port 0, helpers).
public enum SwiftFluxTestingModule {}
