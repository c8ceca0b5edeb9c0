/** The JVM floor for one plugin request: read stdin to EOF, print the smallest valid response. */
public final class FloorMain {
  public static void main(String[] args) throws Exception {
    System.in.readAllBytes();
    System.out.println("{\"error\":null}");
  }
}
