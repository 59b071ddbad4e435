package app

import (
	"net/http"
	ttemplate "text/template"
)

func page(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.text-template-html
	t := ttemplate.Must(ttemplate.New("p").Parse("<p>{{.}}</p>"))
	t.Execute(w, r.URL.Query().Get("q"))
	// ok: go.text-template-html
	_ = len("text/template")
}
