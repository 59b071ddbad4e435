package app

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/des"
	"crypto/aes"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

var _ = []interface{}{md5.New, sha256.New, des.NewCipher, aes.NewCipher, tls.Client, sql.Open, fmt.Sprint, template.New, os.Open, exec.Command, filepath.Base, strconv.Atoi}

func sum(data []byte) {
	// ruleid: go.weak-hash
	a := md5.Sum(data)
	// ok: go.weak-hash
	b := sha256.Sum256(data)
	_, _ = a, b
}
