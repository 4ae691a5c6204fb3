/// Sprig: the Sprig v3.2.3 function library as Helm 3.13 installs it, on GoTemplate.
public enum SprigModule {}
