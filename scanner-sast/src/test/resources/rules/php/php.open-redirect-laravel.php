<?php
class GoController extends Controller {
    public function go(Request $request) {
        // ruleid: php.open-redirect-laravel
        return redirect($request->input('next'));
    }
    public function home() {
        // ok: php.open-redirect-laravel
        return redirect('/home');
    }
}
