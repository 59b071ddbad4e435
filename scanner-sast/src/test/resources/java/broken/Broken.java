package x;
public class Broken {
  void m(javax.servlet.http.HttpServletRequest request {
    String p = request.getParameter("p");
}
