/// SemVer: Masterminds semver v3.2.1 versions and constraints (Helm, Sprig, kubeVersion).
public enum SemVerModule {}
