package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe22Vulnerable06")
public class Cwe22Vulnerable06 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String queryString = request.getQueryString();
        String paramval = "p" + "=";
        int paramLoc = queryString.indexOf(paramval);
        String param = queryString.substring(paramLoc + paramval.length());
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        String bar;
        switch (switchTarget) {
            case 'A': bar = param; break;
            case 'B': bar = "bobs_your_uncle"; break;
            case 'C': case 'D': bar = param; break;
            default: bar = "bobs_your_uncle"; break;
        }
        java.nio.file.Path path = java.nio.file.Paths.get(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar);
        java.io.InputStream is = java.nio.file.Files.newInputStream(path);
    }

}
