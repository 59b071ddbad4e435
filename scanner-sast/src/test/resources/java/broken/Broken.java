package x;
public class Broken {
  void m( {
}
